package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.run;
import static dev.mmcheck.engine.test.Outcomes.verified;
import static dev.mmcheck.engine.test.Outcomes.violation;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.SpinLock;
import org.junit.jupiter.api.Test;

class RcuAndSeqTest {
  enum Free { IMMEDIATE, SYNCHRONIZE, CALL_RCU }

  /** An RCU reader dereferences the published VMA; the updater unpublishes and frees it. */
  static Scenario rcuReader(Free how) {
    return w -> {
      Rcu rcu = new Rcu("rcu");
      Cell<PropertiesTest.Vma> ptr = new Cell<>("mm.vma_tree", new PropertiesTest.Vma("vma1"));
      w.thread("reader", () -> {
        rcu.readLock();
        PropertiesTest.Vma v = ptr.get();
        if (v != null) {
          v.start.get();
        }
        rcu.readUnlock();
      });
      w.thread("updater", () -> {
        PropertiesTest.Vma v = ptr.get();
        ptr.set(null);
        switch (how) {
          case IMMEDIATE -> v.free();
          case SYNCHRONIZE -> {
            rcu.synchronize();
            v.free();
          }
          case CALL_RCU -> rcu.callRcu(v);
        }
      });
    };
  }

  @Test
  void freeWithoutGracePeriodIsUseAfterFree() {
    violation(run(rcuReader(Free.IMMEDIATE)), "use-after-free");
  }

  @Test
  void synchronizeRcuWaitsForTheReader() {
    verified(run(rcuReader(Free.SYNCHRONIZE)));
  }

  @Test
  void callRcuFreesAfterTheReader() {
    verified(run(rcuReader(Free.CALL_RCU)));
  }

  @Test
  void synchronizeRcuInsideAReadSectionIsFlagged() {
    violation(run(w -> {
      Rcu rcu = new Rcu("rcu");
      w.thread("t", () -> {
        rcu.readLock();
        rcu.synchronize();
        rcu.readUnlock();
      });
    }), "sleep-in-atomic");
  }

  /** Reader validates a two-field snapshot with a seqcount; skipping the retry sees a torn pair. */
  static Scenario seqcount(boolean validate) {
    return w -> {
      SpinLock lock = new SpinLock("mm.lock");
      SeqCount seq = new SeqCount("mm.seq");
      Cell<Long> start = new Cell<>("vma.vm_start", 0x1000L);
      Cell<Long> pgoff = new Cell<>("vma.vm_pgoff", 0L);
      w.thread("writer", () -> {
        lock.lock();
        seq.writeBegin();
        start.set(0x2000L);
        pgoff.set(1L);
        seq.writeEnd();
        lock.unlock();
      });
      w.thread("reader", () -> {
        long s;
        long p;
        int c;
        do {
          c = seq.readBegin();
          s = start.get();
          p = pgoff.get();
        } while (validate && seq.readRetry(c));
        Sched.check((s - 0x1000L) / 0x1000L == p, "torn read: vm_start " + s + " with vm_pgoff " + p);
      });
    };
  }

  @Test
  void seqcountWithoutRetrySeesATornPair() {
    violation(run(seqcount(false)), "assertion");
  }

  @Test
  void seqcountWithRetryIsVerified() {
    verified(run(seqcount(true)));
  }
}
