package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Statistics;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code report.html}: one self-contained page (inline CSS and script, no network access, no
 * external files) that people open before the console text.
 *
 * <ul>
 *   <li>At the top: the verdict, start and end time, the replay command, the statistics and
 *       the effective configuration.
 *   <li>Per counterexample ({@link HtmlTrace}): the violation and why it happens (the
 *       conflicting events, linked); for a deadlock the wait-for graph drawn as inline SVG
 *       ({@link HtmlWaitFor}); a lock timeline with one bar per thread and lock showing when it
 *       was requested, held and waited for ({@link LockTimeline}); swimlanes, one column per
 *       thread, in which each run of consecutive events of one thread is a block that expands
 *       on click (blocks holding a highlighted event, and short ones, start open); each event
 *       with its model source line and the kernel function it mirrors ({@link SourceLines});
 *       the threads blocked at the end with the operation they attempted; a legend of the
 *       kernel functions with the first sentence of their Javadoc.
 * </ul>
 *
 * <p>The script only adds behaviour (expand/collapse all, filtering, following links into
 * collapsed blocks, a connector between the conflicting events); everything is in the DOM
 * without it. When it has run, {@code <body>} carries {@code data-ready="1"} and
 * {@code data-setup-ms} (its own set-up time), which the browser test reads.
 *
 * <p>Pure given the class path (CSS, script and model sources are read from it): the same
 * result and options give the same page; {@link ReportOptions#maskVolatile()} masks times.
 */
public final class HtmlReport {
  private HtmlReport() {}

  /** The page for {@code result}, with model sources from the class path. */
  public static String render(Result result, ReportOptions o) {
    return render(result, o, SourceLines.fromClasspath());
  }

  /** The page for {@code result}; {@code sources} supplies source lines and kernel functions. */
  public static String render(Result result, ReportOptions o, SourceLines sources) {
    return render(result, o, sources, null);
  }

  /**
   * The page for the baseline {@code result} of a necessity analysis, with the necessity tables
   * ({@link HtmlNecessity}) after the header; {@code necessity} null renders the plain page.
   */
  public static String render(Result result, ReportOptions o, dev.mmcheck.engine.NecessityReport necessity) {
    return render(result, o, SourceLines.fromClasspath(), necessity);
  }

  /** As {@link #render(Result, ReportOptions, dev.mmcheck.engine.NecessityReport)} with {@code sources}. */
  public static String render(Result result, ReportOptions o, SourceLines sources,
      dev.mmcheck.engine.NecessityReport necessity) {
    StringBuilder sb = new StringBuilder(64 * 1024);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>mmcheck: ").append(esc(o.title())).append("</title>\n<style>\n")
        .append(resource("report.css")).append("</style>\n</head>\n<body>\n");
    header(sb, result, o);
    if (necessity != null) {
      HtmlNecessity.render(sb, necessity, o.maskVolatile());
    }
    switch (result) {
      case Result.Verified v -> { }
      case Result.BoundReached b -> { }
      case Result.ViolationsFound f -> {
        for (int i = 0; i < f.violations().size(); i++) {
          HtmlTrace.counterexample(sb, "c" + (i + 1), "Error #" + (i + 1) + ": " + f.violations().get(i).violation().property(),
              f.violations().get(i), o, sources);
        }
      }
      case Result.ModelError e -> {
        sb.append("<section class=\"model-error\">\n<h2>Model error</h2>\n<pre>").append(esc(e.message()))
            .append("</pre>\n</section>\n");
        if (e.context() != null) {
          HtmlTrace.counterexample(sb, "m1", "Trace before the model error", e.context(), o, sources);
        }
      }
    }
    sb.append("<script>\n").append(resource("report.js")).append("</script>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void header(StringBuilder sb, Result result, ReportOptions o) {
    boolean ok = result instanceof Result.Verified;
    String kind = switch (result) {
      case Result.Verified v -> "verified";
      case Result.BoundReached b -> "bound";
      case Result.ViolationsFound f -> "violation";
      case Result.ModelError e -> "model-error";
    };
    sb.append("<header class=\"top\">\n<h1>mmcheck: ").append(esc(o.title())).append("</h1>\n");
    sb.append("<div id=\"verdict\" class=\"verdict ").append(ok ? "ok" : "bad").append("\" data-verdict=\"")
        .append(kind).append("\">");
    sb.append(String.join("<br>", TextReport.results(result).stream().map(HtmlReport::esc).toList()));
    sb.append("</div>\n<dl class=\"facts\">\n");
    Statistics s = result.statistics();
    if (s != null) {
      fact(sb, "started", s.startedAt() == null ? "" : o.maskVolatile() ? "--" : TextReport.timestamp(s.startedAt()));
      fact(sb, "finished", s.finishedAt() == null ? "" : o.maskVolatile() ? "--" : TextReport.timestamp(s.finishedAt()));
      fact(sb, "executions", String.valueOf(s.executions()));
      fact(sb, "wall time", o.maskVolatile() ? "--" : TextReport.wallTime(s.wallMillis()));
    }
    if (!o.replayCommand().isEmpty()) {
      sb.append("<dt>replay</dt><dd><code id=\"replay\" class=\"cmd\">").append(esc(o.replayCommand()))
          .append("</code></dd>\n");
    }
    sb.append("</dl>\n</header>\n<section class=\"overview\">\n");
    if (o.showStatistics()) {
      sb.append("<details class=\"stats\" open><summary>Statistics</summary>\n<table id=\"statistics\">\n");
      for (String line : TextReport.statistics(s, o.maskVolatile()).split("\n")) {
        int colon = line.indexOf(':');
        if (colon < 0) {
          sb.append("<tr><td colspan=\"2\">").append(esc(line)).append("</td></tr>\n");
        } else {
          String name = line.substring(0, colon);
          sb.append("<tr").append(name.startsWith(" ") ? " class=\"sub\"" : "").append("><th>").append(esc(name.strip()))
              .append("</th><td>").append(esc(line.substring(colon + 1).strip())).append("</td></tr>\n");
        }
      }
      sb.append("</table>\n</details>\n");
    }
    if (o.showConfig() && !o.config().isEmpty()) {
      sb.append("<details class=\"config\"><summary>Configuration (").append(o.config().size())
          .append(" keys)</summary>\n<pre id=\"config\">").append(esc(String.join("\n", o.config())))
          .append("</pre>\n</details>\n");
    }
    sb.append("</section>\n");
  }

  private static void fact(StringBuilder sb, String name, String value) {
    if (!value.isEmpty()) {
      sb.append("<dt>").append(esc(name)).append("</dt><dd>").append(esc(value)).append("</dd>\n");
    }
  }

  /** A text resource next to this class (the page's CSS and script). */
  static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name + " next to " + HtmlReport.class.getName());
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Escapes text for HTML content and double-quoted attributes. */
  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '&' -> sb.append("&amp;");
        case '"' -> sb.append("&quot;");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }

  static String escAll(List<String> xs, String sep) {
    return String.join(sep, xs.stream().map(HtmlReport::esc).toList());
  }
}
