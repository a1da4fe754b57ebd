package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.DporBenchmarks;
import dev.mmcheck.engine.props.DeadlockFreedom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parallel unreduced search (search.workers &gt; 1) runs exactly the executions of the
 * sequential one: same counts, same verdicts, same outcomes and violations.
 */
class ParallelSearchTest {
  private static Result exhaustive(Scenario s, int workers) {
    return Checker.of(s).withListenerFactory(() -> List.of(new DeadlockFreedom()))
        .options(SearchOptions.defaults().withWorkers(workers).withStrategy(Strategy.EXHAUSTIVE)).run();
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 4})
  void everyInterleavingOnceOnSeveralWorkers(int workers) {
    for (Scenario s : List.of(DporBenchmarks.lastzero(3), DporBenchmarks.readers(4), DporBenchmarks.writersAndReader(3))) {
      Result one = exhaustive(s, 1);
      Result many = exhaustive(s, workers);
      assertInstanceOf(Result.Verified.class, many, many::toString);
      assertEquals(one.statistics().executions(), many.statistics().executions(), many.statistics()::toString);
      assertEquals(one.statistics().events(), many.statistics().events());
    }
    assertEquals(24, exhaustive(DporBenchmarks.writersAndReader(3), workers).statistics().executions());
  }

  @Test
  void aDeadlockIsFoundByAParallelSearch() {
    Outcomes.violation(exhaustive(new Abba(), 2), "deadlock");
  }

  @Test
  void listenerInstancesAreRefusedForAParallelSearch() {
    assertThrows(IllegalStateException.class, () -> Checker.of(new Abba()).with(new DeadlockFreedom())
        .options(SearchOptions.defaults().withWorkers(2).withStrategy(Strategy.EXHAUSTIVE)).run());
  }

  @Test
  void dporOnSeveralWorkersIsRefusedWithAReason() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Checker.of(new Abba())
        .withListenerFactory(List::of).options(SearchOptions.defaults().withWorkers(2)).run());
    assertEquals(true, e.getMessage().contains("EXHAUSTIVE"), e.getMessage());
  }

  /**
   * A busy-wait under a preemption bound: the sequential search prefers another thread over one
   * that repeats a spin iteration, which is a preemption; when the budget was spent it took that
   * choice anyway, cut the execution and lost every execution in which the spinner goes on (the
   * cut node never joined the path). The parallel search, which has no such preference, is the
   * oracle: the same executions on one worker and on two, for every bound.
   */
  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3})
  void aBusyWaitUnderAPreemptionBoundIsExploredAlikeOnOneAndTwoWorkers(int bound) {
    Scenario s = w -> {
      dev.mmcheck.engine.Cell<Integer> flag = new dev.mmcheck.engine.Cell<>("flag", 0);
      dev.mmcheck.engine.Cell<Integer> seen = new dev.mmcheck.engine.Cell<>("seen", 0);
      w.thread("consumer", () -> {
        while (flag.get() == 0) { }
        seen.set(1);
      });
      w.thread("producer", () -> {
        seen.set(2);
        flag.set(1);
      });
    };
    java.util.function.IntFunction<Result> run = workers -> Checker.of(s)
        .withListenerFactory(() -> List.of(new DeadlockFreedom()))
        .options(SearchOptions.defaults().withWorkers(workers).withStrategy(Strategy.EXHAUSTIVE)
            .withSpinLimit(4).withPreemptionBound(bound)).run();
    Result one = run.apply(1);
    Result two = run.apply(2);
    assertEquals(two.statistics().executions(), one.statistics().executions(), () -> one + " / " + two);
    assertEquals(two.statistics().completed(), one.statistics().completed(), () -> one + " / " + two);
    assertEquals(two.statistics().events(), one.statistics().events(), () -> one + " / " + two);
  }

  /**
   * The differential fuzzer's programs under preemption bounds 1 and 2: one worker and two run
   * the same executions (counts, events) and find the same violations, so a bounded
   * cross-check does not depend on how it is run.
   */
  @TestFactory
  List<DynamicTest> randomProgramsUnderAPreemptionBoundGiveTheSameSearchOnTwoWorkers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= 30; seed++) {
      for (int bound = 1; bound <= 2; bound++) {
        long s = seed;
        int b = bound;
        tests.add(DynamicTest.dynamicTest("seed " + s + ", bound " + b, () -> {
          DifferentialFuzzTest.Objects[] published = new DifferentialFuzzTest.Objects[1];
          Scenario p = DifferentialFuzzTest.program(s, published);
          java.util.function.IntFunction<Result> run = workers -> Checker.of(p)
              .withListenerFactory(() -> List.of(new DeadlockFreedom(), new DifferentialFuzzTest.BothOne(published)))
              .options(SearchOptions.defaults().withWorkers(workers).withStrategy(Strategy.EXHAUSTIVE)
                  .withMultipleErrors(true).withPreemptionBound(b).withMaxExecutions(20_000)).run();
          Result one = run.apply(1);
          org.junit.jupiter.api.Assumptions.assumeTrue(one.statistics().executions() < 20_000, "too large");
          Result two = run.apply(2);
          assertEquals(one.statistics().executions(), two.statistics().executions(), "executions");
          assertEquals(one.statistics().completed(), two.statistics().completed(), "completed");
          assertEquals(one.statistics().events(), two.statistics().events(), "events");
          assertEquals(keys(one), keys(two), "violations");
        }));
      }
    }
    return tests;
  }

  private static java.util.Set<String> keys(Result r) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    if (r instanceof Result.ViolationsFound f) {
      f.violations().forEach(c -> out.add(c.violation().key()));
    }
    return out;
  }

  /** The differential fuzzer's programs: two workers reach the outcomes and violations one worker does. */
  @TestFactory
  List<DynamicTest> randomProgramsGiveTheSameResultsOnTwoWorkers() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= 60; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> {
        DifferentialFuzzTest.Objects[] published = new DifferentialFuzzTest.Objects[1];
        Scenario p = DifferentialFuzzTest.program(s, published);
        java.util.function.Supplier<List<Listener>> props = () -> List.of(new DeadlockFreedom(),
            new DifferentialFuzzTest.BothOne(published));
        Outcomes2.Run one = Outcomes2.explore(p, Strategy.EXHAUSTIVE, 20_000, props);
        org.junit.jupiter.api.Assumptions.assumeTrue(Outcomes2.exhaustive(one.result()), "too large");
        Outcomes2.Run two = Outcomes2.exploreParallel(p, 2, 20_000, props);
        assertEquals(one.violations(), two.violations(), "violations");
        assertEquals(one.outcomes(), two.outcomes(), "outcomes");
        assertEquals(one.edges(), two.edges(), "lock-order edges");
        assertEquals(one.result().statistics().executions(), two.result().statistics().executions(), "executions");
      }));
    }
    return tests;
  }
}
