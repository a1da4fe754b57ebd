package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.run;
import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeadlockTest {
  /** The catalog examples: t1 takes A then B; t2 takes B then A, or A then B when ordered. */
  static Scenario abba(boolean ordered) {
    return ordered ? new dev.mmcheck.engine.examples.AbbaOrdered() : new dev.mmcheck.engine.examples.Abba();
  }

  @Test
  void abbaDeadlockIsFoundWithItsCycle() {
    Counterexample c = violation(Checker.of(abba(false)).with(new DeadlockFreedom()).run(), "deadlock");
    assertEquals(ExecutionEnd.DEADLOCK, c.end());
    assertTrue(c.violation().message().contains("t1 -[B]-> t2 -[A]-> t1")
        || c.violation().message().contains("t2 -[A]-> t1 -[B]-> t2"), c.violation().message());
  }

  @Test
  void abbaIsReportedByLockOrderBeforeAnyDeadlockIsExplored() {
    Result r = run(abba(false));
    violation(r, "lock-order");
    assertEquals(1, r.statistics().executions());
  }

  @Test
  void orderedLockingIsVerified() {
    verified(run(abba(true)));
  }

  static Scenario philosophers(int n, boolean ordered) {
    return w -> {
      Mutex[] forks = new Mutex[n];
      for (int i = 0; i < n; i++) {
        forks[i] = new Mutex("fork" + i, "fork" + i);
      }
      for (int i = 0; i < n; i++) {
        Mutex left = forks[i];
        Mutex right = forks[(i + 1) % n];
        Mutex first = ordered && i == n - 1 ? right : left;
        Mutex second = first == left ? right : left;
        w.thread("phil" + i, () -> {
          first.lock();
          second.lock();
          second.unlock();
          first.unlock();
        });
      }
    };
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5})
  void diningPhilosophersDeadlock(int n) {
    Counterexample c = violation(Checker.of(philosophers(n, false)).with(new DeadlockFreedom()).run(), "deadlock");
    assertEquals(n, c.trace().size(), "each philosopher took its left fork");
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 5})
  void orderedPhilosophersAreVerified(int n) {
    verified(Checker.of(philosophers(n, true)).with(new DeadlockFreedom()).run());
  }

  /** Kernel rwsem readers are not recursive: a queued writer blocks the second down_read. */
  @Test
  void recursiveReadDeadlocksAgainstAQueuedWriter() {
    Counterexample c = violation(Checker.of(w -> {
      RwSemaphore sem = new RwSemaphore("mm.mmap_sem");
      w.thread("fault", () -> {
        sem.downRead();
        sem.downRead();
        sem.upRead();
        sem.upRead();
      });
      w.thread("munmap", () -> {
        sem.downWrite();
        sem.upWrite();
      });
    }).with(new DeadlockFreedom()).run(), "deadlock");
    assertTrue(c.violation().message().contains("mm.mmap_sem"), c.violation().message());
  }

  @Test
  void readLockTakenOnceIsVerified() {
    verified(run(w -> {
      RwSemaphore sem = new RwSemaphore("mm.mmap_sem");
      w.thread("fault", () -> {
        sem.downRead();
        sem.upRead();
        sem.downRead();
        sem.upRead();
      });
      w.thread("munmap", () -> {
        sem.downWrite();
        sem.upWrite();
      });
    }));
  }

  @Test
  void waitForACompletionNobodySignalsIsADeadlockWithoutCycle() {
    Counterexample c = violation(run(w -> {
      Completion done = new Completion("done");
      w.thread("waiter", done::waitForCompletion);
    }), "deadlock");
    assertTrue(c.violation().details().get(0).contains("wait_for_completion(done)"), c.violation().toString());
  }
}
