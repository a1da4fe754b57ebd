package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.BitLock;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.props.DeadlockFreedom;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The reproducers of the soundness review (issue 15): each is a program where the reduced
 * search once answered "verified" (or missed traces) while the unreduced search found a
 * violation. Each must now give exactly the exhaustive search's outcomes, violations and
 * lock-order edges, under both optimal DPOR and source-DPOR.
 */
class SoundnessRegressionTest {
  private static final long CAP = 200_000;

  /** Exhaustive, optimal DPOR and source-DPOR agree; returns the exhaustive run. */
  static Outcomes2.Run agree(Scenario s, Supplier<List<Listener>> properties) {
    Outcomes2.Run all = Outcomes2.explore(s, Strategy.EXHAUSTIVE, CAP, properties);
    assertTrue(Outcomes2.exhaustive(all.result()), "too large for the reference search");
    for (Strategy st : List.of(Strategy.DPOR, Strategy.SOURCE_DPOR)) {
      Outcomes2.Run r = Outcomes2.explore(s, st, CAP, properties);
      assertEquals(all.violations(), r.violations(), st + ": violations");
      assertEquals(all.outcomes(), r.outcomes(), st + ": outcomes");
      assertEquals(all.edges(), r.edges(), st + ": lock-order edges");
    }
    return all;
  }

  static Outcomes2.Run agree(Scenario s) {
    return agree(s, List::of);
  }

  /** Item 1: the holder's failed trylock must not hide the race between two critical sections. */
  @ParameterizedTest
  @ValueSource(strings = {"mutex", "spinlock", "bitlock", "semaphore"})
  void failedTrylockByTheHolderDoesNotHideTheRace(String kind) {
    Outcomes2.Run r = agree(w -> {
      Runnable lock;
      BooleanSupplier trylock;
      Runnable unlock;
      switch (kind) {
        case "mutex" -> {
          Mutex m = new Mutex("m");
          lock = m::lock;
          trylock = m::trylock;
          unlock = m::unlock;
        }
        case "spinlock" -> {
          SpinLock m = new SpinLock("m");
          lock = m::lock;
          trylock = m::trylock;
          unlock = m::unlock;
        }
        case "bitlock" -> {
          BitLock m = new BitLock("m");
          lock = m::lock;
          trylock = m::trylock;
          unlock = m::unlock;
        }
        default -> {
          Semaphore m = new Semaphore("m", 1);
          lock = m::down;
          trylock = m::downTrylock;
          unlock = m::up;
        }
      }
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> {
        lock.run();
        Sched.check(!trylock.getAsBoolean(), "trylock by the holder succeeded");
        x.set(1);
        unlock.run();
      });
      w.thread("t1", () -> {
        lock.run();
        Sched.check(x.get() == 1, "t1 ran first");
        unlock.run();
      });
    });
    assertEquals(Set.of("assertion: t1 ran first"), r.violations());
  }

  /** Item 1, minimal form: nested trylocks by the holder against a plain lock. */
  @Test
  void nestedTrylocksByTheHolderExploreEveryTrace() {
    Scenario s = w -> {
      SpinLock sp = new SpinLock("sp");
      w.thread("t0", () -> {
        if (sp.trylock()) {
          if (sp.trylock()) {
            sp.unlock();
          }
          sp.unlock();
        }
      });
      w.thread("t1", () -> {
        sp.lock();
        sp.unlock();
      });
    };
    Outcomes2.Run r = agree(s);
    assertEquals(2, r.outcomes().size(), r.outcomes()::toString); // t0's first trylock succeeds or fails
    TraceClasses all = TraceClasses.explore(s, Strategy.EXHAUSTIVE);
    TraceClasses dpor = TraceClasses.explore(s, Strategy.DPOR);
    assertEquals(all.classes.keySet(), dpor.classes.keySet());
  }

  /** Item 2: two Rcu objects are independent domains; a grace period of one does not wait for the other. */
  @Test
  void rcuDomainsAreIndependent() {
    Outcomes2.Run r = agree(w -> {
      Rcu rcu1 = new Rcu("rcu1");
      Rcu rcu2 = new Rcu("rcu2");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("reader", () -> {
        rcu2.readLock();
        x.set(1);
        rcu2.readUnlock();
      });
      w.thread("updater", () -> {
        rcu1.synchronize();
        Sched.check(x.get() == 1, "the grace period of rcu1 did not wait for the rcu2 reader");
      });
    });
    assertTrue(r.violations().contains("assertion: the grace period of rcu1 did not wait for the rcu2 reader"),
        r.violations()::toString);
  }

  /** Item 2: a seqcount writer waiting for a grace period of another domain is no deadlock. */
  @Test
  void seqcountAcrossAGracePeriodOfAnotherDomainIsNoDeadlock() {
    Outcomes2.Run r = agree(w -> {
      Rcu rcu1 = new Rcu("rcu1");
      Rcu rcu2 = new Rcu("rcu2");
      SeqCount sc = new SeqCount("seq");
      w.thread("writer", () -> {
        sc.writeBegin();
        rcu1.synchronize();
        sc.writeEnd();
      });
      w.thread("reader", () -> {
        rcu2.readLock();
        sc.readBegin();
        rcu2.readUnlock();
      });
    }, () -> List.of(new DeadlockFreedom()));
    assertEquals(Set.of(), r.violations());
  }

  /** Item 3: multiple-errors mode reports every distinct violation, also ones after an earlier one. */
  @Test
  void multipleErrorsModeFindsViolationsAfterAnEarlierOne() {
    Outcomes2.Run r = agree(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t1", () -> {
        int v = x.get();
        Sched.check(v != 0, "A");
      });
      w.thread("t2", () -> {
        y.set(1);
        x.set(1);
        Sched.check(false, "B");
      });
    });
    assertEquals(Set.of("assertion: A", "assertion: B"), r.violations());
  }

  /** Item 4: synchronize_rcu against two readers, every trace; and rwsem write trylock vs a queued writer. */
  @Test
  void gracePeriodAgainstTwoReadersAndTrylockAgainstAQueuedWriterExploreEveryTrace() {
    List<Scenario> ps = List.of(w -> {
      Rcu rcu = new Rcu("rcu");
      Cell<Integer> p = new Cell<>("p", 1);
      for (String n : List.of("r1", "r2")) {
        w.thread(n, () -> {
          rcu.readLock();
          p.get();
          rcu.readUnlock();
        });
      }
      w.thread("updater", () -> {
        p.set(2);
        rcu.synchronize();
        p.set(3);
      });
    }, w -> {
      RwSemaphore rw = new RwSemaphore("rw");
      w.thread("writer", () -> {
        rw.downWrite();
        rw.upWrite();
      });
      w.thread("try", () -> {
        if (rw.downWriteTrylock()) {
          rw.upWrite();
        }
      });
    });
    for (Scenario s : ps) {
      agree(s);
      TraceClasses all = TraceClasses.explore(s, Strategy.EXHAUSTIVE);
      TraceClasses dpor = TraceClasses.explore(s, Strategy.DPOR);
      assertEquals(all.classes.keySet(), dpor.classes.keySet());
      assertEquals(all.classes.size(), dpor.maximal, "each trace once");
    }
  }

  /** Item 5: what a property reads enters the dependency relation. */
  @Test
  void aPropertyThatReadsCellsIsSound() {
    Cell<?>[] cells = new Cell<?>[2];
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      cells[0] = x;
      cells[1] = y;
      w.thread("a", () -> {
        x.set(1);
        x.set(0);
      });
      w.thread("b", () -> {
        y.set(1);
        y.set(0);
      });
    };
    // the property reads the cells of the execution in progress (published by its setup)
    Outcomes2.Run r = agree(s, () -> List.of(new CellPairProperty(cells)));
    assertEquals(Set.of("not-both-one: x == 1 && y == 1"), r.violations());
  }

  /** Reads the two cells the scenario published for the execution in progress. */
  static final class CellPairProperty implements Property, EventListener {
    private final Cell<?>[] cells;

    CellPairProperty(Cell<?>[] cells) {
      this.cells = cells;
    }

    @Override
    public String name() {
      return "not-both-one";
    }

    @Override
    public void eventExecuted(ExecutionContext ctx, Event e) {
      if (Integer.valueOf(1).equals(cells[0].peek()) && Integer.valueOf(1).equals(cells[1].peek())) {
        ctx.report(this, "x == 1 && y == 1");
      }
    }
  }

  /** Item 6: a thread blocked at the end of a sleep-blocked execution still has its race analysed. */
  @ParameterizedTest
  @ValueSource(strings = {"none", "yield", "choose", "mightSleep"})
  void aLocalFirstStepNeverChangesTheVerdict(String firstStep) {
    Outcomes2.Run r = agree(w -> {
      Cell<Integer> z = new Cell<>("z", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      Cell<Integer> t2saw = new Cell<>("t2saw", 0);
      Mutex m0 = new Mutex("m0");
      Mutex m1 = new Mutex("m1");
      w.thread("t0", () -> {
        int a = z.get();
        Sched.check(!(a == 2 && t2saw.get() == 0), "t0 saw z == 2 before t2 published");
      });
      w.thread("t1", () -> {
        switch (firstStep) {
          case "yield" -> Sched.yieldNow();
          case "choose" -> Sched.choose(2);
          case "mightSleep" -> Sched.mightSleep("local");
          default -> { }
        }
        m0.lock();
        m1.lock();
        y.set(1);
        m1.unlock();
        m0.unlock();
      });
      w.thread("t2", () -> {
        m1.lock();
        m0.lock();
        z.set(2);
        int v = y.get();
        m0.unlock();
        m1.unlock();
        t2saw.set(v);
      });
    });
    assertTrue(r.violations().contains("assertion: t0 saw z == 2 before t2 published"), r.violations()::toString);
  }

  /** Item 7: rwsem write trylocks around a queued writer. */
  @Test
  void rwsemWriteTrylocksAroundAQueuedWriter() {
    Outcomes2.Run r = agree(w -> {
      RwSemaphore rw = new RwSemaphore("rw");
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> t1failed = new Cell<>("t1failed", 0);
      w.thread("t0", () -> {
        rw.downWrite();
        rw.upWrite();
        if (rw.downWriteTrylock()) {
          Sched.check(!(x.get() == 1 && t1failed.get() == 1), "t0 got the lock after t1 failed and wrote");
          rw.upWrite();
        }
      });
      w.thread("t1", () -> {
        if (rw.downWriteTrylock()) {
          rw.upWrite();
        } else {
          t1failed.set(1);
        }
        rw.downWrite();
        x.set(1);
        rw.upWrite();
      });
    });
    assertTrue(r.violations().contains("assertion: t0 got the lock after t1 failed and wrote"),
        r.violations()::toString);
  }

  @Test
  void optimalDporRunsNoSleepBlockedExecutionOnTheseReproducers() {
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t1", () -> {
        int v = x.get();
        Sched.check(v != 0, "A");
      });
      w.thread("t2", () -> {
        y.set(1);
        x.set(1);
      });
    };
    Result r = dev.mmcheck.engine.Checker.of(s).options(dev.mmcheck.engine.SearchOptions.defaults()
        .withMultipleErrors(true)).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    assertEquals(0, r.statistics().sleepBlocked());
  }
}
