package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code search.workers}: a parallel unreduced search from the command line. */
class ParallelCliTest {
  static final String EXAMPLES = CliTest.EXAMPLES;

  private static long executions(Cli.Run r) {
    Matcher m = Pattern.compile("(?m)^executions:\\s+(\\d+)").matcher(r.out());
    assertTrue(m.find(), r.toString());
    return Long.parseLong(m.group(1));
  }

  @Test
  void twoWorkersExploreExactlyTheInterleavingsOfOne() {
    Cli.Run one = Cli.run(EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=3", "+search.strategy=exhaustive");
    Cli.Run two = Cli.run(EXAMPLES + "philosophers-ordered.jpf", "+philosophers.n=3", "+search.strategy=exhaustive",
        "+search.workers=2");
    assertEquals(0, one.code(), one.toString());
    assertEquals(0, two.code(), two.toString());
    assertTrue(two.out().contains("search.workers = 2"), "the header shows the key: " + two);
    assertEquals(executions(one), executions(two), "every interleaving once, on either number of workers");
    assertTrue(executions(one) > 100, "a search worth splitting: " + executions(one));
  }

  @Test
  void aViolationIsFoundInParallelToo() {
    Cli.Run r = Cli.run(EXAMPLES + "abba.jpf", "+search.strategy=exhaustive", "+search.workers=2");
    assertEquals(ExitCodes.VIOLATION, r.code(), r.toString());
    assertTrue(r.out().contains("error #1: deadlock"), r.toString());
  }

  @Test
  void workersWithDporAreAConfigErrorNamingTheKey() {
    Cli.Run r = Cli.run(EXAMPLES + "abba.jpf", "+search.workers=2");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("search.workers = 2 needs search.strategy = exhaustive, not dpor"), r.toString());
    assertTrue(r.err().contains("+search.strategy=exhaustive"), "a hint: " + r);
  }

  @Test
  void fewerThanOneWorkerIsRefused() {
    Cli.Run r = Cli.run(EXAMPLES + "abba.jpf", "+search.workers=0", "+search.strategy=exhaustive");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("search.workers"), r.toString());
  }
}
