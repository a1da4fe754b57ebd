package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.BitLock;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockOrder;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LockOrderTest {
  /** i_mutex -> mmap_sem in write(), mmap_sem -> i_mutex in a fault; a big lock serialises them. */
  static Scenario inversionSerialisedByBigLock(boolean inverted) {
    return w -> {
      Mutex bkl = new Mutex("kernel_lock");
      Mutex iMutex = new Mutex("inode1.i_mutex");
      RwSemaphore mmapSem = new RwSemaphore("mm1.mmap_sem");
      w.thread("write", () -> {
        bkl.lock();
        iMutex.lock();
        mmapSem.downRead();
        mmapSem.upRead();
        iMutex.unlock();
        bkl.unlock();
      });
      w.thread("fault", () -> {
        bkl.lock();
        mmapSem.downRead();
        if (inverted) {
          iMutex.lock();
          iMutex.unlock();
        }
        mmapSem.upRead();
        bkl.unlock();
      });
    };
  }

  @Test
  void cycleIsReportedAlthoughNoExecutionDeadlocks() {
    Scenario s = inversionSerialisedByBigLock(true);
    Result noOrder = Checker.of(s).with(new DeadlockFreedom()).run();
    verified(noOrder);
    Result r = Checker.of(s).with(new DeadlockFreedom(), new LockOrder()).run();
    Counterexample c = violation(r, "lock-order");
    String m = c.violation().message();
    assertTrue(m.contains("i_mutex -> mmap_sem -> i_mutex") || m.contains("mmap_sem -> i_mutex -> mmap_sem"), m);
    assertEquals(0, r.statistics().deadlocked());
    assertTrue(c.violation().details().stream().anyMatch(d -> d.contains("LockOrderTest.java")),
        "witness stacks name the model source: " + c.violation().details());
  }

  @Test
  void consistentOrderIsVerified() {
    verified(Checker.of(inversionSerialisedByBigLock(false)).with(new LockOrder()).run());
  }

  @Test
  void twoInstancesOfOneClassAreRecursiveLockingUnlessNestable() {
    Scenario twoPages = w -> {
      BitLock p1 = new BitLock("page1.PG_locked", "PG_locked");
      BitLock p2 = new BitLock("page2.PG_locked", "PG_locked");
      w.thread("t", () -> {
        p1.lock();
        p2.lock();
        p2.unlock();
        p1.unlock();
      });
    };
    Counterexample c = violation(Checker.of(twoPages).with(new LockOrder()).run(), "lock-order");
    assertTrue(c.violation().message().startsWith("possible recursive locking"), c.violation().message());
    verified(Checker.of(twoPages).with(new LockOrder(Set.of("PG_locked"))).run());
  }

  @Test
  void trylockAddsNoEdge() {
    verified(Checker.of(w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t1", () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
      w.thread("t2", () -> {
        b.lock();
        if (a.trylock()) {
          a.unlock();
        }
        b.unlock();
      });
    }).with(new LockOrder(), new DeadlockFreedom()).run());
  }
}
