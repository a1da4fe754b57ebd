package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An execution cut by the preemption bound is reported as that bound only: not also as the depth
 * limit (no execution came near it), and counted once in {@code bounded}. (Found cross-checking
 * part 4's configs with {@code +search.preemption_bound=2}, whose reports said
 * "bound search.depth_limit, search.preemption_bound reached" at a maximum depth of 56.)
 */
class PreemptionBoundReportTest {
  @ParameterizedTest
  @EnumSource(SearchOptions.Strategy.class)
  void aPreemptionCutIsNotADepthLimit(SearchOptions.Strategy strategy) {
    // "a" re-reads x: the scheduler takes that for a busy-wait iteration and prefers another
    // thread (a preemption), which the bound then forbids
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("a", () -> {
        x.get();
        x.get();
        x.get();
      });
      for (String n : List.of("b", "c")) {
        w.thread(n, () -> y.set(y.get() + 1));
      }
    };
    Result r = Checker.of(s).options(SearchOptions.defaults().withStrategy(strategy).withPreemptionBound(0)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r, r.toString());
    assertEquals(List.of(Bound.PREEMPTION_BOUND), b.boundsHit(), strategy.toString());
    assertTrue(b.statistics().bounded() <= b.statistics().executions(), b.statistics().toString());
  }
}
