package dev.mmcheck.engine.report;

import java.util.List;
import java.util.Objects;

/**
 * What a report shows, and the header it starts with.
 *
 * @param title what was checked, e.g. {@code "abba (dev.mmcheck.engine.examples.Abba)"}
 * @param config the effective configuration as display lines ({@code key = value   # origin});
 *     may be empty
 * @param showConfig print the configuration in the header ({@code report.console.config})
 * @param showErrors print each violation ({@code report.console.error})
 * @param showTrace print each counterexample's trace ({@code report.console.trace})
 * @param showStatistics print the statistics section ({@code report.console.statistics})
 * @param maskVolatile replace wall time, rates, heap and timestamps by {@code --} (for golden
 *     files)
 * @param replayCommand the shell command that replays the first counterexample (shown at the
 *     top of the HTML report), e.g. {@code ./mmcheck replay cex.json}; empty if none
 */
public record ReportOptions(String title, List<String> config, boolean showConfig, boolean showErrors,
    boolean showTrace, boolean showStatistics, boolean maskVolatile, String replayCommand) {
  public ReportOptions {
    Objects.requireNonNull(title);
    config = List.copyOf(config);
    Objects.requireNonNull(replayCommand);
  }

  /** Without a replay command. */
  public ReportOptions(String title, List<String> config, boolean showConfig, boolean showErrors,
      boolean showTrace, boolean showStatistics, boolean maskVolatile) {
    this(title, config, showConfig, showErrors, showTrace, showStatistics, maskVolatile, "");
  }

  /** Everything shown, nothing masked. */
  public static ReportOptions all(String title, List<String> config) {
    return new ReportOptions(title, config, true, true, true, true, false);
  }

  public ReportOptions masked() {
    return new ReportOptions(title, config, showConfig, showErrors, showTrace, showStatistics, true, replayCommand);
  }

  public ReportOptions withReplayCommand(String command) {
    return new ReportOptions(title, config, showConfig, showErrors, showTrace, showStatistics, maskVolatile, command);
  }
}
