package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.Origin;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.report.HtmlReport;
import dev.mmcheck.engine.report.ReportOptions;
import dev.mmcheck.engine.report.ScheduleJson;
import dev.mmcheck.engine.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Produces the reports a config asks for: the console text ({@code report.console.*}), the
 * counterexample JSON ({@code report.json}: the first counterexample, with the config in its
 * meta so that {@code replay} needs nothing else) and the HTML page ({@code report.html}).
 * Relative paths are resolved against the working folder.
 */
final class ReportWriter {
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
    if (!json.isEmpty() && o.result() instanceof Result.ViolationsFound f) {
      Counterexample first = f.first();
      Counterexample withMeta = new Counterexample(first.violation(), first.end(), first.execution(),
          first.schedule().withMeta(Runner.scheduleMeta(o.prepared())), first.trace(), first.threads());
      Path p = write(c, ConfigKeys.REPORT_JSON.name(), json, ScheduleJson.write(withMeta));
      out.println("counterexample schedule written to " + p + " (replay: ./mmcheck replay " + p + ")");
    }
    String html = c.get(ConfigKeys.REPORT_HTML);
    if (!html.isEmpty()) {
      ReportOptions ro = options(o.prepared());
      Path p = write(c, ConfigKeys.REPORT_HTML.name(), html, HtmlReport.render(o.result(), ro));
      out.println("HTML report written to " + p);
    }
  }

  private static Path write(Config c, String key, String file, String text) {
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
