package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.run;
import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.Tracked;
import org.junit.jupiter.api.Test;

/** Each built-in property: a program where it must fire and one where it must not. */
class PropertiesTest {
  static final class Vma extends Tracked {
    final Cell<Long> start = cell("vm_start", 0x1000L);

    Vma(String name) {
      super(name);
    }
  }

  /** A fault that looks the VMA up and uses it, against munmap freeing it. */
  static Scenario faultVsMunmap(boolean faultLocks) {
    return w -> {
      Semaphore sem = new Semaphore("mm.mmap_sem", 1);
      Cell<Vma> mmap = new Cell<>("mm.mmap", new Vma("vma1"));
      w.thread("fault", () -> {
        if (faultLocks) {
          sem.down();
        }
        Vma v = mmap.get();
        if (v != null) {
          v.start.get();
        }
        if (faultLocks) {
          sem.up();
        }
      });
      w.thread("munmap", () -> {
        sem.down();
        Vma v = mmap.get();
        mmap.set(null);
        v.free();
        sem.up();
      });
    };
  }

  @Test
  void useAfterFreeIsFoundWithBothThreads() {
    Counterexample c = violation(run(faultVsMunmap(false)), "use-after-free");
    String m = c.violation().message();
    assertTrue(m.contains("fault") && m.contains("freed by munmap") && m.contains("vma1.vm_start"), m);
  }

  @Test
  void lockedFaultIsVerified() {
    verified(run(faultVsMunmap(true)));
  }

  @Test
  void doubleFreeIsReported() {
    violation(run(w -> {
      Vma v = new Vma("vma1");
      w.thread("a", v::free);
      w.thread("b", v::free);
    }), "use-after-free");
  }

  @Test
  void sleepingUnderASpinlockIsFound() {
    Counterexample c = violation(run(w -> {
      SpinLock ptl = new SpinLock("mm.page_table_lock");
      Mutex m = new Mutex("inode.i_mutex");
      w.thread("t", () -> {
        ptl.lock();
        m.lock();
        m.unlock();
        ptl.unlock();
      });
    }), "sleep-in-atomic");
    assertTrue(c.violation().message().contains("mutex_lock(inode.i_mutex) while holding mm.page_table_lock"),
        c.violation().message());
  }

  @Test
  void mightSleepUnderASpinlockIsFound() {
    violation(run(w -> {
      SpinLock ptl = new SpinLock("mm.page_table_lock");
      w.thread("t", () -> {
        ptl.lock();
        Sched.mightSleep("GFP_KERNEL allocation");
        ptl.unlock();
      });
    }), "sleep-in-atomic");
  }

  @Test
  void sleepingAfterDroppingTheSpinlockIsFine() {
    verified(run(w -> {
      SpinLock ptl = new SpinLock("mm.page_table_lock");
      Mutex m = new Mutex("inode.i_mutex");
      w.thread("t", () -> {
        ptl.lock();
        ptl.unlock();
        m.lock();
        m.unlock();
      });
    }));
  }

  @Test
  void uncaughtExceptionIsReported() {
    Counterexample c = violation(run(w -> w.thread("t", () -> {
      throw new IllegalStateException("BUG_ON(vma == NULL)");
    })), "uncaught-exception");
    assertTrue(c.violation().message().contains("BUG_ON(vma == NULL)"));
  }

  @Test
  void unlockingAMutexNotHeldIsAModelBug() {
    Result r = run(w -> {
      Mutex m = new Mutex("m");
      w.thread("t", m::unlock);
    });
    Result.ModelError e = org.junit.jupiter.api.Assertions.assertInstanceOf(Result.ModelError.class, r);
    assertTrue(e.message().startsWith("model bug in thread 't': mutex_unlock(m) by t, which is not locked"),
        e.message());
  }

  @Test
  void returningWithALockHeldIsReported() {
    violation(run(w -> {
      Mutex m = new Mutex("m");
      w.thread("t", m::lock);
    }), "lock-held-at-exit");
  }

  @Test
  void assertionInModelCodeIsReported() {
    Result r = run(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("inc1", () -> x.set(x.get() + 1));
      w.thread("inc2", () -> x.set(x.get() + 1));
      w.thread("check", () -> Sched.check(x.get() != 1, "lost update visible"));
    });
    Counterexample c = violation(r, "assertion");
    assertEquals("lost update visible", c.violation().message());
  }

  /** Issue 11 item 4: a property sees which tracked object and field an event touched, typed. */
  @Test
  void eventsCarryTheirTypedTarget() {
    java.util.List<String> seen = new java.util.ArrayList<>();
    dev.mmcheck.engine.EventListener l = new dev.mmcheck.engine.EventListener() {
      @Override
      public void eventExecuted(dev.mmcheck.engine.ExecutionContext ctx, dev.mmcheck.engine.Event e) {
        e.owner().filter(o -> o instanceof Vma).ifPresent(o -> seen.add(o.name() + "." + e.field().orElse("-")
            + ":" + e.kind() + ":" + e.valueAs(Long.class).map(Long::toHexString).orElse("?")));
      }
    };
    Checker.of(w -> {
      Vma v = new Vma("vma1");
      w.thread("t", () -> {
        v.start.set(0x2000L);
        v.start.get();
        v.free();
      });
    }).with(l).run();
    assertEquals(java.util.List.of("vma1.vm_start:WRITE:2000", "vma1.vm_start:READ:2000", "vma1.-:FREE:?"), seen);
  }
}
