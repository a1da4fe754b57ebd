package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.examples.DporBenchmarks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Optimal DPOR runs exactly one execution per Mazurkiewicz trace, and none sleep-set
 * blocked, on the classic programs whose trace counts are known (literature, or derived here
 * by brute force with {@link TraceClasses}).
 */
class DporBenchmarksTest {
  static Statistics optimal(Scenario s) {
    Result r = Checker.of(s).run();
    assertInstanceOf(Result.Verified.class, r, () -> r.toString());
    return r.statistics();
  }

  static void exactly(long traces, Scenario s) {
    Statistics st = optimal(s);
    assertEquals(traces, st.executions(), () -> "executions, " + st);
    assertEquals(0, st.sleepBlocked(), () -> "sleep-blocked, " + st);
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "2, 4", "3, 8", "4, 16", "6, 64"})
  void readersGiveTwoToTheN(int n, long traces) {
    exactly(traces, DporBenchmarks.readers(n));
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "2, 6", "3, 24", "4, 120"})
  void writersAndAReaderGiveNPlusOneFactorial(int n, long traces) {
    exactly(traces, DporBenchmarks.writersAndReader(n));
  }

  @ParameterizedTest
  @CsvSource({"1, 2", "2, 5", "3, 12", "4, 28"})
  void lastzero(int n, long traces) {
    exactly(traces, DporBenchmarks.lastzero(n));
  }

  @ParameterizedTest
  @CsvSource({"11, 1", "12, 8", "13, 64", "14, 512"})
  void indexer(int n, long traces) {
    exactly(traces, DporBenchmarks.indexer(n));
  }

  @ParameterizedTest
  @CsvSource({"13, 1", "14, 2", "16, 8", "19, 64"})
  void filesystem(int n, long traces) {
    exactly(traces, DporBenchmarks.filesystem(n));
  }

  @Test
  void bruteForceAgreesOnTheSmallInstances() {
    for (Scenario s : new Scenario[] {DporBenchmarks.lastzero(3), DporBenchmarks.writersAndReader(3),
        DporBenchmarks.readers(4)}) {
      TraceClasses all = TraceClasses.explore(s, Strategy.EXHAUSTIVE);
      TraceClasses dpor = TraceClasses.explore(s, Strategy.DPOR);
      assertEquals(all.classes.keySet(), dpor.classes.keySet());
      assertEquals(all.classes.size(), dpor.maximal);
    }
  }

  @Test
  void sourceDporIsStillSelectableAndReachesTheSameTraces() {
    Scenario s = DporBenchmarks.lastzero(3);
    TraceClasses src = new TraceClasses();
    Result r = Checker.of(s).with(src).options(SearchOptions.defaults().withStrategy(Strategy.SOURCE_DPOR)).run();
    assertInstanceOf(Result.Verified.class, r);
    assertEquals(12, src.classes.size());
  }
}
