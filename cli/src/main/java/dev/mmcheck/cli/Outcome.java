package dev.mmcheck.cli;

import dev.mmcheck.config.Expectation;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.report.TextReport;
import java.util.Optional;

/**
 * A finished run: what was run and what came out.
 *
 * @param prepared the run's config and engine objects
 * @param result the engine's verdict
 */
public record Outcome(Prepared prepared, Result result) {
  /** The config's {@code expect}, if any. */
  public Optional<Expectation> expectation() {
    return prepared.config().expectation();
  }

  /**
   * Empty without {@code expect}; else whether the verdict matches it ({@link Verdicts#matches}).
   * {@code expect = violation com.example.MyProperty} (a class name) matches violations of the
   * {@link Property#name()} of that class's instance in this run.
   */
  public Optional<Boolean> expectationMet() {
    return expectation().map(e -> Verdicts.matches(byShortName(e), result));
  }

  private Expectation byShortName(Expectation e) {
    if (e instanceof Expectation.Violation v && v.property().contains(".")) {
      for (Listener l : prepared.listeners()) {
        if (l instanceof Property p && l.getClass().getName().equals(v.property())) {
          return new Expectation.Violation(p.name());
        }
      }
    }
    return e;
  }

  /**
   * The exit code of this run: the verdict's ({@link Verdicts#exitCode}); with {@code checkExpect}
   * and an {@code expect}, 0 if it matched and {@link ExitCodes#UNEXPECTED} if not, except that a
   * model error stays 4.
   */
  public int exitCode(boolean checkExpect) {
    int code = Verdicts.exitCode(result);
    if (!checkExpect || expectation().isEmpty() || code == ExitCodes.MODEL_ERROR) {
      return code;
    }
    return expectationMet().orElseThrow() ? ExitCodes.VERIFIED : ExitCodes.UNEXPECTED;
  }

  /** The full console report of this run, as {@code mmcheck} prints it for one file. */
  public String report() {
    return TextReport.render(result, ReportWriter.options(prepared));
  }

  /**
   * One line: {@code <verdict>}, plus {@code [expect X: ok]} or {@code [UNEXPECTED: expected X]}
   * when the config has an {@code expect}, then {@code (N executions, T s)}.
   */
  public String summary() {
    String s = TextReport.verdict(result);
    if (expectation().isPresent()) {
      s += expectationMet().orElseThrow() ? "  [expect " + expectation().get() + ": ok]"
          : "  [UNEXPECTED: expected " + expectation().get() + "]";
    }
    dev.mmcheck.engine.Statistics st = result.statistics();
    if (st != null) {
      s += String.format(java.util.Locale.ROOT, "  (%d executions, %.2f s)", st.executions(), st.wallMillis() / 1000.0);
    }
    return s;
  }
}
