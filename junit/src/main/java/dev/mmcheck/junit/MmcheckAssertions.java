package dev.mmcheck.junit;

import dev.mmcheck.cli.Catalogs;
import dev.mmcheck.cli.Outcome;
import dev.mmcheck.cli.Runner;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.report.ReportOptions;
import dev.mmcheck.engine.report.TextReport;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.opentest4j.AssertionFailedError;

/**
 * Assertions for JUnit Jupiter tests of scenarios and properties. Each runs a complete search
 * and, when the verdict is not the expected one, fails with the whole report: the verdict, the
 * counterexample's violation and its trace grouped by thread transition (JPF's layout, as the
 * {@code mmcheck} command prints it).
 *
 * <pre>{@code
 * @Test void verifiedWithTheFix() {
 *   MmcheckAssertions.assertVerified(Path.of("src/test/jpf/fault-1999-patch.jpf"));
 * }
 * @Test void myPropertyCatchesTheRace() {
 *   MmcheckAssertions.assertViolation(new MyScenario(Map.of("mm.era", "1998")),
 *       List.of(new MyProperty()), "my-property");
 * }
 * }</pre>
 *
 * <p>Config variants run exactly what {@code ./mmcheck <file.jpf> +overrides...} runs (the same
 * {@link Runner}, with every {@code Catalog} on the test's class path and the config's own
 * {@code classpath}); a bad config fails the test with its {@code file:line} message. Scenario
 * variants run {@link Checker} with default options and exactly the listeners given (add
 * {@code new DeadlockFreedom()} etc. yourself). Every method returns what it checked, for further
 * assertions. Stateless and thread-safe.
 */
public final class MmcheckAssertions {
  private MmcheckAssertions() {}

  /** The property name of a deadlock violation ({@code expect = deadlock}). */
  public static final String DEADLOCK = "deadlock";

  // ---- configs ----

  /**
   * Runs {@code config} and asserts an exhaustive search without violation.
   *
   * @param overrides {@code +key=value} arguments, as on the command line
   */
  public static Outcome assertVerified(Path config, String... overrides) {
    Outcome o = run(config, overrides);
    if (!(o.result() instanceof Result.Verified)) {
      throw failure(config + ": expected verified, got " + o.summary(), o.report());
    }
    return o;
  }

  /**
   * Runs {@code config} and asserts that {@code property} is violated (its short name, as in
   * {@code expect = violation <name>}; {@value #DEADLOCK} for a deadlock).
   */
  public static Outcome assertViolation(Path config, String property, String... overrides) {
    Outcome o = run(config, overrides);
    if (find(o.result(), property).isEmpty()) {
      throw failure(config + ": expected a violation of " + property + ", got " + o.summary(), o.report());
    }
    return o;
  }

  /** Runs {@code config} and asserts that the verdict meets its {@code expect} line (which it must have). */
  public static Outcome assertExpectation(Path config, String... overrides) {
    Outcome o = run(config, overrides);
    if (o.expectation().isEmpty()) {
      throw new AssertionFailedError(config + " has no 'expect' line: add e.g. expect = verified");
    }
    if (!o.expectationMet().orElseThrow()) {
      throw failure(config + ": " + o.summary(), o.report());
    }
    return o;
  }

  /**
   * Loads and runs a config as the command does.
   *
   * @throws AssertionFailedError for a bad config, with its {@code file:line} message
   */
  public static Outcome run(Path config, String... overrides) {
    try {
      return new Runner(Catalogs.load()).run(config, List.of(overrides), List.of());
    } catch (ConfigException e) {
      throw new AssertionFailedError("bad config " + config + "\n" + e.format(), e);
    }
  }

  // ---- scenarios and properties ----

  /** Checks {@code scenario} with exactly {@code properties} and asserts it verifies. */
  public static Result assertVerified(Scenario scenario, Listener... properties) {
    return assertVerified(Checker.of(scenario).with(properties));
  }

  /** As {@link #assertVerified(Scenario, Listener...)}, with a list. */
  public static Result assertVerified(Scenario scenario, List<? extends Listener> properties) {
    return assertVerified(Checker.of(scenario).with(properties));
  }

  /** Runs {@code checker} (its scenario, listeners and options) and asserts it verifies. */
  public static Result assertVerified(Checker checker) {
    Result r = checker.run();
    if (!(r instanceof Result.Verified)) {
      throw failure("expected verified, got " + TextReport.verdict(r), report(r));
    }
    return r;
  }

  /**
   * Checks {@code scenario} with exactly {@code properties} and asserts that {@code property}
   * (a short name) is violated. Returns the counterexample.
   */
  public static Counterexample assertViolation(Scenario scenario, List<? extends Listener> properties,
      String property) {
    return assertViolation(Checker.of(scenario).with(properties), property);
  }

  /** Runs {@code checker} and asserts that {@code property} is violated. Returns the counterexample. */
  public static Counterexample assertViolation(Checker checker, String property) {
    Result r = checker.run();
    return find(r, property).orElseThrow(() -> failure("expected a violation of " + property + ", got "
        + TextReport.verdict(r), report(r)));
  }

  private static Optional<Counterexample> find(Result r, String property) {
    if (r instanceof Result.ViolationsFound f) {
      return f.violations().stream().filter(c -> c.violation().property().equals(property)).findFirst();
    }
    return Optional.empty();
  }

  private static String report(Result r) {
    return TextReport.render(r, new ReportOptions("mmcheck", List.of(), false, true, true, true, false));
  }

  private static AssertionFailedError failure(String headline, String report) {
    return new AssertionFailedError(headline + "\n" + report);
  }
}
