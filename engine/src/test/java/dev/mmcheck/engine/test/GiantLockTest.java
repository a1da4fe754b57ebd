package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.run;
import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.TraceEvent;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@link GiantLock}: a lock its holder loses while it sleeps (the 2.2 BKL). */
class GiantLockTest {
  /** t0: G; M (t1 may hold it: t0 sleeps and gives G up). t1: M; G. A mutex G would ABBA. */
  private static Scenario abba(boolean giant) {
    return w -> {
      GiantLock g = giant ? new GiantLock("kernel_lock") : null;
      Mutex gm = giant ? null : new Mutex("kernel_lock");
      Mutex m = new Mutex("i_sem");
      Runnable lockG = giant ? g::lock : gm::lock;
      Runnable unlockG = giant ? g::unlock : gm::unlock;
      w.thread("t0", () -> {
        lockG.run();
        m.lock();
        m.unlock();
        unlockG.run();
      });
      w.thread("t1", () -> {
        m.lock();
        lockG.run();
        unlockG.run();
        m.unlock();
      });
    };
  }

  @Test
  void aMutexInPlaceOfTheGiantLockDeadlocks() {
    violation(Checker.of(abba(false)).with(new DeadlockFreedom()).run(), "deadlock");
    violation(run(abba(false)), "lock-order");
  }

  @Test
  void theGiantLockIsGivenUpWhileItsHolderWaitsForASleepingLock() {
    // lock-order sees only t1's i_sem -> kernel_lock edge: t0's i_sem is taken after the sleep
    // released kernel_lock, or by the fast path, which is an ordinary (not a try) acquisition
    verified(run(abba(true)));
  }

  @Test
  void anUncontendedAcquisitionKeepsTheGiantLockAndIsNotATrylockForLockdep() {
    // t0: G; A; B  and t1: B; A under no giant lock: a real ABBA between A and B. t0 takes A
    // and B by the fast path when they are free; lock-order must still see A -> B.
    Counterexample c = violation(run(w -> {
      GiantLock g = new GiantLock("kernel_lock");
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t0", () -> {
        g.lock();
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
        g.unlock();
      });
      w.thread("t1", () -> {
        b.lock();
        a.lock();
        a.unlock();
        b.unlock();
      });
    }), "lock-order");
    assertTrue(c.violation().message().contains("A") && c.violation().message().contains("B"),
        c.violation().message());
  }

  @Test
  void sleepLetsAnotherHolderInBetween() {
    // t0 reads x twice under G with a sleep in between; t1 writes x under G.
    Counterexample c = violation(run(w -> {
      GiantLock g = new GiantLock("kernel_lock");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> {
        g.lock();
        int a = x.get();
        Sched.sleep("I/O");
        Sched.check(x.get() == a, "x changed across the sleep");
        g.unlock();
      });
      w.thread("t1", () -> {
        g.lock();
        x.set(1);
        g.unlock();
      });
    }), "assertion");
    List<String> ops = c.trace().stream().map(t -> t.event().describe()).toList();
    assertTrue(ops.stream().anyMatch(s -> s.startsWith("sleep_release(kernel_lock)")), ops::toString);
    assertTrue(ops.stream().anyMatch(s -> s.startsWith("wake_reacquire(kernel_lock)")), ops::toString);
  }

  @Test
  void withoutASleepTheGiantLockExcludes() {
    verified(run(w -> {
      GiantLock g = new GiantLock("kernel_lock");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> {
        g.lock();
        int a = x.get();
        Sched.mightSleep("might_sleep only: no schedule()");
        Sched.check(x.get() == a, "x changed");
        g.unlock();
      });
      w.thread("t1", () -> {
        g.lock();
        x.set(1);
        g.unlock();
      });
    }));
  }

  @Test
  void recursionIsCountedAndSurvivesASleep() {
    verified(run(w -> {
      GiantLock g = new GiantLock("kernel_lock");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> {
        g.lock();
        g.lock();
        Sched.sleep("I/O");
        g.unlock();
        // still held at depth 1 after the sleep: t1 cannot be inside now
        x.set(1);
        Sched.check(x.get() == 1, "t1 ran inside t0's giant-locked section");
        g.unlock();
      });
      w.thread("t1", () -> {
        g.lock();
        x.set(2);
        g.unlock();
      });
    }));
  }

  /** Small programs mixing giant locks with every sleeping primitive; compared with brute force. */
  static List<Scenario> programs() {
    Function<Integer, Scenario> p = k -> w -> {
      GiantLock g = new GiantLock("kernel_lock");
      Cell<Integer> x = new Cell<>("x", 0);
      Semaphore sem = new Semaphore("sem", 1);
      RwSemaphore rw = new RwSemaphore("rw");
      Completion done = new Completion("done");
      Rcu rcu = new Rcu("rcu");
      w.thread("a", () -> {
        g.lock();
        x.set(1);
        switch (k) {
          case 0 -> { sem.down(); sem.up(); }
          case 1 -> { rw.downWrite(); x.get(); rw.upWrite(); }
          case 2 -> done.waitForCompletion();
          case 3 -> rcu.synchronize();
          default -> Sched.sleep("io");
        }
        x.get();
        g.unlock();
      });
      w.thread("b", () -> {
        switch (k) {
          case 0 -> { sem.down(); g.lock(); x.set(2); g.unlock(); sem.up(); }
          case 1 -> { rw.downRead(); g.lock(); x.get(); g.unlock(); rw.upRead(); }
          case 2 -> { g.lock(); x.set(2); g.unlock(); done.complete(); }
          case 3 -> { rcu.readLock(); x.get(); rcu.readUnlock(); g.lock(); x.set(2); g.unlock(); }
          default -> { g.lock(); x.set(2); g.unlock(); }
        }
      });
    };
    return List.of(p.apply(0), p.apply(1), p.apply(2), p.apply(3), p.apply(4));
  }

  @TestFactory
  List<DynamicTest> dporReachesEveryTraceOfGiantLockPrograms() {
    List<Scenario> ps = programs();
    return java.util.stream.IntStream.range(0, ps.size()).mapToObj(i -> DynamicTest.dynamicTest("program " + i, () -> {
      TraceClasses all = TraceClasses.explore(ps.get(i), Strategy.EXHAUSTIVE);
      TraceClasses dpor = TraceClasses.explore(ps.get(i), Strategy.DPOR);
      Set<String> missed = new TreeSet<>(all.classes.keySet());
      missed.removeAll(dpor.classes.keySet());
      assertEquals(Set.of(), missed, "DPOR missed traces of program " + i);
      assertEquals(all.classes.size(), dpor.classes.size());
    })).toList();
  }
}
