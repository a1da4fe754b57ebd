package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.Origin;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.report.HtmlReport;
import dev.mmcheck.engine.report.ReportOptions;
import dev.mmcheck.engine.report.ResultJson;
import dev.mmcheck.engine.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Produces the reports a config asks for: the console text ({@code report.console.*}), the
 * run's JSON report ({@code report.json}, {@link ResultJson}: written for every verdict; for a
 * violation it embeds the first counterexample's schedule with the config in its meta, so that
 * {@code replay} needs nothing else) and the HTML page ({@code report.html}). Relative paths
 * are resolved against the working folder.
 */
final class ReportWriter {
  /** The file the HTML report's replay command suggests when {@code report.json} is not set. */
  static final String SUGGESTED_JSON = "cex.json";

  private ReportWriter() {}

  /** The report options from the config's {@code report.console.*} keys. */
  static ReportOptions options(Prepared p) {
    Config c = p.config();
    return new ReportOptions(p.title(), c.effectiveLines(true), c.get(ConfigKeys.REPORT_CONSOLE_CONFIG),
        c.get(ConfigKeys.REPORT_CONSOLE_ERROR), c.get(ConfigKeys.REPORT_CONSOLE_TRACE),
        c.get(ConfigKeys.REPORT_CONSOLE_STATISTICS), false);
  }

  static void console(Outcome o, PrintStream out) {
    out.print(TextReport.render(o.result(), options(o.prepared())));
  }

  /**
   * Writes {@code report.json} and {@code report.html} if set; tells {@code out} where.
   *
   * @throws ConfigException if a file cannot be written (at the line that named it)
   */
  static void files(Outcome o, PrintStream out) {
    Config c = o.prepared().config();
    String json = c.get(ConfigKeys.REPORT_JSON);
    // The files show everything: report.console.* are about the console only.
    ReportOptions ro = ReportOptions.all(o.prepared().title(), c.effectiveLines(true))
        .withReplayCommand(replayCommand(o, json));
    if (!json.isEmpty()) {
      Counterexample first = o.result() instanceof Result.ViolationsFound f
          ? f.first().withSchedule(f.first().schedule().withMeta(Runner.scheduleMeta(o.prepared()))) : null;
      Path p = write(c, ConfigKeys.REPORT_JSON.name(), json, ResultJson.write(o.result(), ro, first, runInfo(o)));
      out.println("report written to " + p + (first == null ? "" : " (replay: ./mmcheck replay " + p + ")"));
    }
    String html = c.get(ConfigKeys.REPORT_HTML);
    if (!html.isEmpty()) {
      Path p = write(c, ConfigKeys.REPORT_HTML.name(), html, HtmlReport.render(o.result(), ro));
      out.println("HTML report written to " + p);
    }
  }

  /** What the CLI adds to the JSON report's {@code run} object. */
  static Map<String, Object> runInfo(Outcome o) {
    Map<String, Object> run = new LinkedHashMap<>();
    Path file = o.prepared().file();
    run.put("configFile", file == null ? null : file.toString());
    run.put("expect", o.expectation().map(Object::toString).orElse(null));
    run.put("expectMet", o.expectationMet().orElse(null));
    run.put("exitCode", Verdicts.exitCode(o.result()));
    return run;
  }

  /**
   * The command that replays the first counterexample: {@code ./mmcheck replay <json>} when
   * {@code report.json} is written, else the command that writes one first; empty without a
   * violation.
   */
  static String replayCommand(Outcome o, String json) {
    if (!(o.result() instanceof Result.ViolationsFound)) {
      return "";
    }
    if (!json.isEmpty()) {
      return "./mmcheck replay " + shellQuote(json);
    }
    List<String> cmd = new ArrayList<>(List.of("./mmcheck"));
    Path file = o.prepared().file();
    if (file != null) {
      cmd.add(shellQuote(file.toString()));
    } else {
      Runner.overridesFromMeta(Runner.scheduleMeta(o.prepared())).forEach(a -> cmd.add(shellQuote(a)));
    }
    cmd.add("+report.json=" + SUGGESTED_JSON);
    return String.join(" ", cmd) + " && ./mmcheck replay " + SUGGESTED_JSON;
  }

  static String shellQuote(String s) {
    return s.matches("[A-Za-z0-9_./+=:,@%-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }

  static Path write(Config c, String key, String file, String text) {
    Path p = Path.of(file);
    try {
      if (p.toAbsolutePath().getParent() != null) {
        Files.createDirectories(p.toAbsolutePath().getParent());
      }
      Files.writeString(p, text, StandardCharsets.UTF_8);
      return p;
    } catch (IOException | RuntimeException e) {
      throw new ConfigException(c.origin(key).orElse(Origin.commandLine()),
          key + ": cannot write " + file + ": " + e.getMessage());
    }
  }
}
