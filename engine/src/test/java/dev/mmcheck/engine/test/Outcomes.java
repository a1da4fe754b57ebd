package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockHeldAtExit;
import dev.mmcheck.engine.props.LockOrder;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.engine.props.SleepInAtomic;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.List;

/** Helpers for tests: run with the built-in properties and assert the verdict. */
final class Outcomes {
  private Outcomes() {}

  static List<Listener> builtins() {
    return List.of(new DeadlockFreedom(), new NoUncaughtException(), new UseAfterFree(), new SleepInAtomic(),
        new LockHeldAtExit(), new LockOrder());
  }

  static Result run(Scenario s) {
    return Checker.of(s).with(builtins()).run();
  }

  static Result run(Scenario s, SearchOptions o) {
    return Checker.of(s).with(builtins()).options(o).run();
  }

  /** Asserts a violation of {@code property} and returns its counterexample. */
  static Counterexample violation(Result r, String property) {
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r, () -> "expected a violation, got " + r);
    assertEquals(property, f.first().violation().property(), () -> f.first().violation().toString());
    return f.first();
  }

  static Result.Verified verified(Result r) {
    return assertInstanceOf(Result.Verified.class, r, () -> "expected verified, got " + r);
  }
}
