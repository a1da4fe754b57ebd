package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.WaitFor;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockHeldAtExit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The robustness items of issue 15 (8-14, engine side): each a named test. */
class RobustnessTest {
  /** Item 9: an assertion before a thread's first scheduling point, not in the last thread. */
  @Test
  @Timeout(5)
  void anAssertionBeforeTheFirstSchedulingPointIsReportedAtOnce() {
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> {
        Sched.check(false, "early");
        x.set(1);
      });
      w.thread("t1", () -> x.set(2));
    };
    Counterexample c = violation(Checker.of(s).run(), "assertion");
    assertEquals("early", c.violation().message());
    c = violation(Checker.of(s).with(new LockHeldAtExit()).run(), "assertion");
    assertEquals("early", c.violation().message());
  }

  /** Item 9: the same in a thread that then ends without any scheduling point, with a thread listener. */
  @Test
  @Timeout(5)
  void anAssertionInAThreadWithoutSchedulingPointsIsKept() {
    Scenario s = w -> {
      Mutex m = new Mutex("m");
      w.thread("t0", () -> Sched.check(false, "early"));
      w.thread("t1", () -> {
        m.lock();
        m.unlock();
      });
    };
    Counterexample c = violation(Checker.of(s).with(new LockHeldAtExit()).run(), "assertion");
    assertEquals("early", c.violation().message());
  }

  /** Item 8(c): running out of memory in a model thread is a model error naming the heap, not a violation. */
  @Test
  void outOfMemoryIsAModelErrorWithTheHeapSize() {
    Result r = Checker.of(w -> w.thread("hog", () -> {
      Sched.yieldNow();
      throw new OutOfMemoryError("simulated");
    })).with(Outcomes.builtins()).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r, r::toString);
    assertTrue(e.message().startsWith("out of memory in model thread 'hog' (Java heap: "), e.message());
  }

  /** Item 11: a search can be interrupted; the result says so and keeps the statistics. */
  @Test
  void anInterruptedSearchIsNotExhaustiveAndSaysWhy() {
    Checker.Control control = new Checker.Control();
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 6; i++) {
        int v = i;
        w.thread("w" + i, () -> x.set(v));
      }
    };
    ExecutionListener stopAfter3 = new ExecutionListener() {
      @Override
      public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
        if (ctx.executionNumber() == 3) {
          control.interrupt();
        }
      }
    };
    Result r = Checker.of(s).with(stopAfter3).run(control);
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r);
    assertEquals(List.of(Bound.INTERRUPTED), b.boundsHit());
    assertEquals(3, b.statistics().executions());
  }

  /** Item 12: a busy-wait for a write nobody can make is a livelock, found at once and named. */
  @Test
  @Timeout(10)
  void aBusyWaitNobodyCanEndIsALivelock() {
    Result r = Checker.of(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      w.thread("spinner", () -> {
        while (flag.get() == 0) {
          Sched.yieldNow();
        }
      });
    }).run();
    Counterexample c = violation(r, "livelock");
    assertTrue(c.violation().message().startsWith("possible livelock: spinner re-read flag (= 0) 64 times at "
        + "RobustnessTest.java:"), c.violation().message());
    assertTrue(r.statistics().maxDepth() < 200, () -> "found after " + r.statistics().maxDepth() + " events");
  }

  /** Item 12: two threads each spinning on the other's flag: a livelock. */
  @Test
  @Timeout(10)
  void twoThreadsSpinningOnEachOtherAreALivelock() {
    Result r = Checker.of(w -> {
      Cell<Integer> a = new Cell<>("a", 0);
      Cell<Integer> b = new Cell<>("b", 0);
      w.thread("t0", () -> {
        while (b.get() == 0) { }
        a.set(1);
      });
      w.thread("t1", () -> {
        while (a.get() == 0) { }
        b.set(1);
      });
    }).run();
    violation(r, "livelock");
  }

  /** Item 12: an unannotated busy-wait another thread ends: spinning prefixes are cut, the result says so. */
  @Test
  @Timeout(30)
  void anUnannotatedBusyWaitIsBoundedBySpinLimit() {
    Result r = Checker.of(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      w.thread("consumer", () -> {
        while (flag.get() == 0) { }
      });
      w.thread("producer", () -> flag.set(1));
    }).with(new DeadlockFreedom()).options(SearchOptions.defaults().withSpinLimit(8)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r, r::toString);
    assertEquals(List.of(Bound.SPIN_LIMIT), b.boundsHit());
  }

  /** Item 12: the same wait modelled with awaitUntil is exhaustive, cheap and sound. */
  @Test
  void awaitUntilModelsABusyWaitExactly() {
    Outcomes2.Run r = SoundnessRegressionTest.agree(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      Cell<Integer> data = new Cell<>("data", 0);
      w.thread("consumer", () -> {
        flag.awaitUntil(v -> v != 0);
        Sched.check(data.get() == 42, "read data before it was published");
      });
      w.thread("producer", () -> {
        data.set(42);
        flag.set(1);
      });
    }, () -> List.of(new DeadlockFreedom()));
    assertEquals(java.util.Set.of(), r.violations());
    Result v = Checker.of(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      w.thread("consumer", () -> flag.awaitUntil(x -> x != 0));
      w.thread("producer", () -> flag.set(1));
    }).run();
    assertInstanceOf(Result.Verified.class, v);
    assertEquals(1, v.statistics().executions());
  }

  /** Item 12: publishing the flag before the data is found through awaitUntil too. */
  @Test
  void awaitUntilFindsTheWrongPublicationOrder() {
    Outcomes2.Run r = SoundnessRegressionTest.agree(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      Cell<Integer> data = new Cell<>("data", 0);
      w.thread("consumer", () -> {
        flag.awaitUntil(v -> v != 0);
        Sched.check(data.get() == 42, "read data before it was published");
      });
      w.thread("producer", () -> {
        flag.set(1);
        data.set(42);
      });
    }, () -> List.of(new DeadlockFreedom()));
    assertEquals(java.util.Set.of("assertion: read data before it was published"), r.violations());
  }

  /** Item 12: an awaitUntil nobody can satisfy is a deadlock naming the cell. */
  @Test
  void anAwaitNobodyCanSatisfyIsADeadlock() {
    Counterexample c = violation(Checker.of(w -> {
      Cell<Integer> flag = new Cell<>("flag", 0);
      w.thread("waiter", () -> flag.awaitUntil(v -> v != 0));
    }).with(new DeadlockFreedom()).run(), "deadlock");
    assertTrue(c.violation().message().contains("waiter waits until flag (= 0) changes"), c.violation().message());
  }

  /** A search cut by the preemption bound reports that bound, not the depth limit. */
  @Test
  void aPreemptionBoundIsReportedAsSuch() {
    Result r = Checker.of(w -> {
      Mutex m = new Mutex("m");
      Cell<Integer> x = new Cell<>("x", 0);
      for (String n : List.of("a", "b", "c")) {
        w.thread(n, () -> {
          x.set(1);
          m.lock();
          x.set(2);
          m.unlock();
        });
      }
    }).options(SearchOptions.defaults().withPreemptionBound(1)).run();
    Result.BoundReached b = assertInstanceOf(Result.BoundReached.class, r, r::toString);
    assertEquals(List.of(Bound.PREEMPTION_BOUND), b.boundsHit());
  }

  /** Item 14: a semaphore used as a signal is not held by the thread that waited on it. */
  @Test
  void aSignalSemaphoreIsNotHeldByItsWaiter() {
    Outcomes.verified(Checker.of(w -> {
      Semaphore sig = new Semaphore("sig", 0);
      w.thread("waiter", sig::down);
      w.thread("signaller", sig::up);
    }).with(Outcomes.builtins()).run());
  }

  /** Item 14: a deadlock's cycle never names the waiter as its own blocker. */
  @Test
  void aSemaphoreWaiterIsNotItsOwnBlocker() {
    List<WaitFor> seen = new ArrayList<>();
    Result r = Checker.of(w -> {
      Semaphore a = new Semaphore("a", 1);
      Semaphore b = new Semaphore("b", 1);
      Semaphore c = new Semaphore("c", 1);
      List<Semaphore> s = List.of(a, b, c);
      for (int i = 0; i < 3; i++) {
        Semaphore first = s.get(i);
        Semaphore second = s.get((i + 1) % 3);
        w.thread("t" + i, () -> {
          first.down();
          second.down();
          second.up();
          first.up();
        });
      }
    }).with(new DeadlockFreedom(), new ExecutionListener() {
      @Override
      public void deadlock(ExecutionContext ctx, WaitFor cycle) {
        seen.add(cycle);
      }
    }).run();
    violation(r, "deadlock");
    for (WaitFor w : seen) {
      for (WaitFor.Edge e : w.edges()) {
        assertTrue(!e.holders().contains(e.waiter()), () -> "self-blocking edge " + e);
      }
      assertEquals(3, w.cycle().size(), w::toString);
    }
  }

  /** Item 14: two call_rcu on the same object get helper threads with distinct names. */
  @Test
  void twoCallRcuOnOneObjectGetDistinctHelperNames() {
    final class Obj extends Tracked {
      Obj() {
        super("obj");
      }
    }
    Result r = Checker.of(w -> {
      Rcu rcu = new Rcu("rcu");
      w.thread("t", () -> {
        Obj o = new Obj();
        rcu.callRcu(o);
        rcu.callRcu(o);
      });
    }).with(Outcomes.builtins()).options(SearchOptions.defaults().withMaxExecutions(1)).run();
    Counterexample c = violation(r, "use-after-free");
    assertTrue(c.threads().stream().map(t -> t.name()).toList().containsAll(List.of("rcu_cb:obj", "rcu_cb:obj#2")),
        c.threads()::toString);
  }
}
