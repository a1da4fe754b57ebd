package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.props.UseAfterFree;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReplayAndBoundsTest {
  @Test
  void replayReproducesTheViolationWithTheSameTrace() {
    Scenario s = PropertiesTest.faultVsMunmap(false);
    Counterexample c = violation(Checker.of(s).with(new UseAfterFree()).run(), "use-after-free");
    Result again = Checker.of(s).with(new UseAfterFree()).replay(c.schedule());
    Counterexample r = violation(again, "use-after-free");
    assertEquals(c.violation().message(), r.violation().message());
    assertEquals(render(c), render(r));
    assertTrue(c.trace().get(0).location().contains("PropertiesTest.java:"), c.trace().get(0).location());
  }

  private static List<String> render(Counterexample c) {
    return c.trace().stream().map(t -> t.event().thread() + " " + t.event().describe() + " at " + t.location()
        + " held " + t.held()).toList();
  }

  @Test
  void replayOfAChangedModelIsADivergence() {
    Scenario s = PropertiesTest.faultVsMunmap(false);
    Counterexample c = violation(Checker.of(s).with(new UseAfterFree()).run(), "use-after-free");
    Result r = Checker.of(PropertiesTest.faultVsMunmap(true)).with(new UseAfterFree()).replay(c.schedule());
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().contains("diverged from the schedule at event 0"), e.message());
  }

  @Test
  void replayOfATruncatedScheduleThatMissesTheBugIsVerified() {
    Scenario s = PropertiesTest.faultVsMunmap(false);
    Counterexample c = violation(Checker.of(s).with(new UseAfterFree()).run(), "use-after-free");
    List<Schedule.Step> steps = new ArrayList<>(c.schedule().steps());
    Schedule shorter = new Schedule(c.schedule().scenario(), c.schedule().meta(), steps.subList(0, 1));
    Result r = Checker.of(s).with(new UseAfterFree()).replay(shorter);
    verified(r);
  }

  @Test
  void nondeterministicModelIsReportedAsSuch() {
    AtomicInteger runs = new AtomicInteger();
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      int n = runs.incrementAndGet();
      w.thread("a", () -> x.set(1));
      w.thread("b", () -> (n % 2 == 0 ? y : x).set(2));
    };
    Result r = Checker.of(s).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().startsWith("nondeterministic model"), e.message());
  }

  @Test
  void modelThatLoopsForeverHitsTheDepthBound() {
    Result r = Checker.of(w -> {
      Cell<Integer> counter = new Cell<>("counter", 0);
      w.thread("counter", () -> {
        while (true) {
          counter.set(counter.get() + 1); // makes progress forever (a busy-wait would be a livelock)
        }
      });
    }).options(SearchOptions.defaults().withDepthLimit(500)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r);
    assertEquals(List.of(Bound.DEPTH_LIMIT), b.boundsHit());
    assertEquals(500, b.statistics().maxDepth());
  }

  @Test
  void maxExecutionsCutsTheSearch() {
    Result r = Checker.of(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 4; i++) {
        int v = i;
        w.thread("t" + i, () -> x.set(v));
      }
    }).options(SearchOptions.defaults().withMaxExecutions(5)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r);
    assertEquals(List.of(Bound.MAX_EXECUTIONS), b.boundsHit());
    assertEquals(5, b.statistics().executions());
  }

  @Test
  void preemptionBoundZeroRunsThreadsToCompletion() {
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (String n : List.of("a", "b")) {
        w.thread(n, () -> {
          x.set(x.get() + 1);
        });
      }
    };
    Result full = Checker.of(s).run();
    verified(full);
    Result r = Checker.of(s).options(SearchOptions.defaults().withPreemptionBound(0)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r);
    assertEquals(List.of(Bound.PREEMPTION_BOUND), b.boundsHit());
    assertTrue(b.statistics().executions() < full.statistics().executions());
  }

  @Test
  void timeLimitCutsTheSearch() {
    // 9 writers of one cell: 9! = 362,880 traces, seconds of search on any machine.
    Result r = Checker.of(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 9; i++) {
        int v = i;
        w.thread("t" + i, () -> x.set(v));
      }
    }).options(SearchOptions.defaults().withTimeLimit(Duration.ofMillis(200))).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r);
    assertEquals(List.of(Bound.TIME_LIMIT), b.boundsHit());
  }

  /** Set by the test after the checker gave up, so the looping model thread can end. */
  static volatile boolean release;

  @Test
  void modelThreadThatNeverReachesASchedulingPointIsAModelError() {
    release = false;
    Result r = Checker.of(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("looper", () -> {
        x.set(1);
        while (!release) {
          Thread.onSpinWait();
        }
      });
    }).options(SearchOptions.defaults().withStallTimeout(Duration.ofMillis(600))).run();
    release = true;
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().contains("'looper'") && e.message().contains("without reaching a scheduling point")
        && e.message().contains("search.stall_timeout"), e.message());
    assertTrue(e.message().contains("ReplayAndBoundsTest"), "names the model frame: " + e.message());
  }

  @Test
  void aPropertyThatThrowsIsAModelErrorNamingIt() {
    dev.mmcheck.engine.EventListener broken = new dev.mmcheck.engine.EventListener() {
      @Override
      public void eventExecuted(dev.mmcheck.engine.ExecutionContext ctx, dev.mmcheck.engine.Event e) {
        throw new IllegalStateException("property bug");
      }
    };
    Result r = Checker.of(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t", () -> x.set(1));
    }).with(broken).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().startsWith("listener ") && e.message().contains("property bug"), e.message());
  }

  @Test
  void scenarioSetupThatThrowsIsAModelError() {
    Result r = Checker.of(w -> {
      throw new IllegalArgumentException("mm.era: 1899");
    }).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().contains("scenario setup failed") && e.message().contains("1899"), e.message());
  }

  @Test
  void multipleErrorsModeReportsEachDistinctViolation() {
    Scenario s = w -> {
      PropertiesTest.Vma v = new PropertiesTest.Vma("vma1");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("a", () -> {
        x.set(1);
        v.free();
      });
      w.thread("b", () -> {
        if (x.get() == 1) {
          throw new IllegalStateException("saw x == 1");
        }
        v.start.get();
      });
    };
    Result first = Outcomes.run(s);
    assertEquals(1, assertInstanceOf(Result.ViolationsFound.class, first).violations().size());
    Result all = Outcomes.run(s, SearchOptions.defaults().withMultipleErrors(true));
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, all);
    List<String> props = f.violations().stream().map(c -> c.violation().property()).sorted().toList();
    assertEquals(List.of("uncaught-exception", "use-after-free"), props);
  }
}
