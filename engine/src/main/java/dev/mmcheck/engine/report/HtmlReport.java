package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.TraceEvent;
import dev.mmcheck.engine.Violation;
import java.util.List;

/**
 * A self-contained static HTML page (inline CSS, no scripts) for {@code report.html}: the
 * header and configuration, the results, the statistics, and for each counterexample a
 * swimlane: one column per thread, one row per event, each cell showing the operation, the
 * model source location and the locks held after it. The row of the violating event is
 * highlighted. Pure, like {@link TextReport}.
 */
public final class HtmlReport {
  private static final String CSS = """
      body { font-family: sans-serif; margin: 2em; color: #222; }
      h1 { font-size: 1.4em; } h2 { font-size: 1.15em; margin-top: 1.6em; border-bottom: 1px solid #ccc; }
      pre { background: #f6f6f6; padding: .6em; overflow-x: auto; }
      table.lanes { border-collapse: collapse; font-size: .9em; }
      table.lanes th, table.lanes td { border: 1px solid #ddd; padding: .25em .5em; vertical-align: top; }
      table.lanes th { background: #eee; position: sticky; top: 0; }
      td.idx { text-align: right; color: #888; }
      td.ev code { font-weight: bold; }
      .loc { color: #555; font-size: .85em; display: block; }
      .held { color: #036; font-size: .85em; display: block; }
      tr.violation td { background: #fdd; }
      .verdict-ok { color: #070; } .verdict-bad { color: #b00; }
      """;

  private HtmlReport() {}

  /** The page for {@code result}; {@code o} selects the sections as for {@link TextReport}. */
  public static String render(Result result, ReportOptions o) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>mmcheck: ")
        .append(esc(o.title())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>mmcheck: ").append(esc(o.title())).append("</h1>\n");
    boolean bad = !(result instanceof Result.Verified);
    sb.append("<h2>Results</h2>\n<p class=\"").append(bad ? "verdict-bad" : "verdict-ok").append("\">");
    sb.append(String.join("<br>\n", TextReport.results(result).stream().map(HtmlReport::esc).toList()))
        .append("</p>\n");
    switch (result) {
      case Result.Verified v -> { }
      case Result.BoundReached b -> { }
      case Result.ViolationsFound f -> {
        for (int i = 0; i < f.violations().size(); i++) {
          counterexample(sb, "Error #" + (i + 1), f.violations().get(i), o);
        }
      }
      case Result.ModelError e -> {
        sb.append("<h2>Model error</h2>\n<pre>").append(esc(e.message())).append("</pre>\n");
        if (e.context() != null) {
          counterexample(sb, "Trace before the model error", e.context(), o);
        }
      }
    }
    if (o.showStatistics()) {
      sb.append("<h2>Statistics</h2>\n<pre>")
          .append(esc(TextReport.statistics(result.statistics(), o.maskVolatile()))).append("</pre>\n");
    }
    if (o.showConfig() && !o.config().isEmpty()) {
      sb.append("<h2>Configuration</h2>\n<pre>").append(esc(String.join("\n", o.config()))).append("</pre>\n");
    }
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }

  private static void counterexample(StringBuilder sb, String heading, Counterexample c, ReportOptions o) {
    Violation v = c.violation();
    sb.append("<h2>").append(esc(heading)).append(": ").append(esc(v.property())).append("</h2>\n");
    if (o.showErrors()) {
      sb.append("<p>").append(esc(v.message())).append("</p>\n");
      if (!v.details().isEmpty()) {
        sb.append("<pre>").append(esc(String.join("\n", v.details()))).append("</pre>\n");
      }
    }
    if (!o.showTrace()) {
      return;
    }
    List<ThreadRef> threads = c.threads();
    sb.append("<table class=\"lanes\">\n<tr><th>#</th>");
    for (ThreadRef t : threads) {
      sb.append("<th>").append(esc(t.name())).append("</th>");
    }
    sb.append("</tr>\n");
    for (TraceEvent te : c.trace()) {
      boolean marked = te.event().index() == v.eventIndex();
      sb.append(marked ? "<tr class=\"violation\">" : "<tr>");
      sb.append("<td class=\"idx\">").append(te.event().index()).append("</td>");
      for (ThreadRef t : threads) {
        if (t.id() != te.event().thread().id()) {
          sb.append("<td></td>");
          continue;
        }
        sb.append("<td class=\"ev\"><code>").append(esc(te.event().describe())).append("</code>")
            .append("<span class=\"loc\">").append(esc(te.location())).append("</span>");
        if (!te.held().isEmpty()) {
          sb.append("<span class=\"held\">held: ").append(esc(String.join(", ", te.held()))).append("</span>");
        }
        sb.append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
  }

  static String esc(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
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
}
