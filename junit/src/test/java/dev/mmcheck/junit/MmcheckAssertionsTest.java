package dev.mmcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.cli.Outcome;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.AbbaOrdered;
import dev.mmcheck.engine.examples.UseAfterFreeRace;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.UseAfterFree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Each assertion passes where it must and fails, with the counterexample trace, where it must. */
class MmcheckAssertionsTest {
  static final Path EXAMPLES = Path.of("../jpf-configs/examples");

  @TempDir
  Path tmp;

  @Test
  void configVerifiedPassesAndFailsWithTheTrace() {
    Outcome o = MmcheckAssertions.assertVerified(EXAMPLES.resolve("abba-ordered.jpf"));
    assertTrue(o.result() instanceof Result.Verified);
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertVerified(EXAMPLES.resolve("abba.jpf")));
    assertTrue(e.getMessage().startsWith(EXAMPLES.resolve("abba.jpf") + ": expected verified, got error #1: deadlock"),
        e.getMessage());
    assertTrue(e.getMessage().contains("transition #1 thread: t2"), e.getMessage());
    assertTrue(e.getMessage().contains("at Abba.java:"), "the trace names model lines\n" + e.getMessage());
  }

  @Test
  void configViolationPassesAndFailsWithTheReport() {
    MmcheckAssertions.assertViolation(EXAMPLES.resolve("abba.jpf"), MmcheckAssertions.DEADLOCK);
    MmcheckAssertions.assertViolation(EXAMPLES.resolve("abba-ordered.jpf"), "deadlock", "+target=abba",
        "+search.properties=deadlock");
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertViolation(EXAMPLES.resolve("abba.jpf"), "use-after-free"));
    assertTrue(e.getMessage().contains("expected a violation of use-after-free, got error #1: deadlock"), e.getMessage());
    assertTrue(e.getMessage().contains("transition #"), e.getMessage());
    AssertionFailedError v = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertViolation(EXAMPLES.resolve("abba-ordered.jpf"), "deadlock"));
    assertTrue(v.getMessage().contains("got no errors detected"), v.getMessage());
  }

  @Test
  void expectationAndBadConfigs() throws IOException {
    MmcheckAssertions.assertExpectation(EXAMPLES.resolve("uaf.jpf"));
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertExpectation(EXAMPLES.resolve("abba-ordered.jpf"), "+target=abba"));
    assertTrue(e.getMessage().contains("[UNEXPECTED: expected verified]"), e.getMessage());
    Path none = Files.writeString(tmp.resolve("none.jpf"), "target = abba\n");
    assertThrows(AssertionFailedError.class, () -> MmcheckAssertions.assertExpectation(none));
    Path bad = Files.writeString(tmp.resolve("bad.jpf"), "target = abba\nsearch.time_limit = soon\n");
    AssertionFailedError b = assertThrows(AssertionFailedError.class, () -> MmcheckAssertions.assertVerified(bad));
    assertTrue(b.getMessage().contains("error: " + bad + ":2: search.time_limit: expected a duration"), b.getMessage());
  }

  @Test
  void scenarioAndPropertiesVariants() {
    MmcheckAssertions.assertVerified(new AbbaOrdered(), new DeadlockFreedom());
    Counterexample c = MmcheckAssertions.assertViolation(new Abba(), List.of(new DeadlockFreedom()), "deadlock");
    assertEquals("deadlock", c.violation().property());
    MmcheckAssertions.assertViolation(new UseAfterFreeRace(), List.of(new UseAfterFree()), "use-after-free");
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertVerified(new Abba(), List.of(new DeadlockFreedom())));
    assertTrue(e.getMessage().startsWith("expected verified, got error #1: deadlock"), e.getMessage());
    assertTrue(e.getMessage().contains("transition #1 thread: t2"), e.getMessage());
    AssertionFailedError n = assertThrows(AssertionFailedError.class,
        () -> MmcheckAssertions.assertViolation(new AbbaOrdered(), List.of(new DeadlockFreedom()), "deadlock"));
    assertTrue(n.getMessage().startsWith("expected a violation of deadlock, got no errors detected"), n.getMessage());
  }

  @Test
  void checkerVariantKeepsItsOptions() {
    Checker bounded = Checker.of(new Abba()).with(new DeadlockFreedom())
        .options(SearchOptions.defaults().withMaxExecutions(1));
    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> MmcheckAssertions.assertVerified(bounded));
    assertTrue(e.getMessage().contains("NOT exhaustive"), e.getMessage());
  }
}
