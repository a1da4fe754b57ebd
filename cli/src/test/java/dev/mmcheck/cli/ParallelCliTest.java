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

  /** The summary lines without their times. */
  private static String untimed(String out) {
    return out.replaceAll(", [0-9.]+ s\\)", ")");
  }

  @Test
  void jobsRunSeveralConfigsAtOnceWithTheSequentialOutputInOrder() {
    String[] args = {"--check-expect", "--quiet", EXAMPLES + "philosophers.jpf", EXAMPLES + "abba.jpf",
        EXAMPLES + "two-locks.jpf", EXAMPLES + "uaf.jpf", EXAMPLES + "abba-ordered.jpf", EXAMPLES + "uaf-locked.jpf"};
    Cli.Run one = Cli.run(args);
    String[] withJobs = new String[args.length + 2];
    withJobs[0] = "--jobs";
    withJobs[1] = "3";
    System.arraycopy(args, 0, withJobs, 2, args.length);
    Cli.Run three = Cli.run(withJobs);
    assertEquals(0, one.code(), one.toString());
    assertEquals(one.code(), three.code(), three.toString());
    assertEquals(6, one.out().lines().count(), one.toString());
    assertEquals(untimed(one.out()), untimed(three.out()), "same lines, same order");
  }

  @Test
  void aConfigErrorAmongConcurrentJobsKeepsItsPlaceAndCode() {
    Cli.Run r = Cli.run("--jobs", "2", "--quiet", EXAMPLES + "abba-ordered.jpf", "no-such.jpf", EXAMPLES + "abba.jpf");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    java.util.List<String> lines = r.out().lines().toList();
    assertEquals(3, lines.size(), r.toString());
    assertTrue(lines.get(0).startsWith(EXAMPLES + "abba-ordered.jpf: no errors detected"), r.toString());
    assertTrue(lines.get(1).startsWith("no-such.jpf: config error"), r.toString());
    assertTrue(lines.get(2).startsWith(EXAMPLES + "abba.jpf: error #1: deadlock"), r.toString());
    assertTrue(r.err().contains("no-such.jpf"), r.toString());
  }

  @Test
  void zeroJobsIsRefused() {
    Cli.Run r = Cli.run("--jobs", "0", EXAMPLES + "abba.jpf");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("--jobs"), r.toString());
  }

  @Test
  void fewerThanOneWorkerIsRefused() {
    Cli.Run r = Cli.run(EXAMPLES + "abba.jpf", "+search.workers=0", "+search.strategy=exhaustive");
    assertEquals(ExitCodes.USAGE, r.code(), r.toString());
    assertTrue(r.err().contains("search.workers"), r.toString());
  }
}
