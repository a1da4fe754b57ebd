package dev.mmcheck.properties.test26;

import dev.mmcheck.properties.test.Runs;

import static dev.mmcheck.properties.test.Runs.expect;
import static dev.mmcheck.properties.test.Runs.message;
import static dev.mmcheck.properties.test.Runs.params;
import static dev.mmcheck.properties.test.Runs.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.props.LockHeldAtExit;
import dev.mmcheck.engine.props.SleepInAtomic;
import dev.mmcheck.model.v26.Vma26;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Fault26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Madvise;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.properties.DocumentedLockOrder;
import org.junit.jupiter.api.Test;

/** Each part-2 property, and the engine's sleep-in-atomic / lock-held-at-exit on mm paths: fires and stays quiet. */
class Part2PropertyTest {
  /** One thread running {@code body} on a 2.6 mm with file f mapped at [0,1). */
  interface Body {
    void run(Mm26 mm, Inode26 f);
  }

  static Scenario single(Era26 era, Body body) {
    return w -> {
      Mm26 mm = new Mm26("mm", era, era.discipline(), 2);
      Inode26 f = new Inode26("f", 1, true, era.immapIsSpinlock(), false);
      mm.mapInitial("vma_f", 0, 1, 0, Vma26.VM_READ | Vma26.VM_SHARED, f);
      w.thread("t", () -> body.run(mm, f));
    };
  }

  // ---- documented-lock-order ----

  /** MADV_REMOVE alone: no deadlock is possible with one thread, the order is still violated. */
  @Test
  void documentedOrderFiresWithoutAnyDeadlock() {
    Result r = Checker.of(single(Era26.E2_6_24, (mm, f) -> Madvise.sys_madvise_remove(mm, 0)))
        .with(new DocumentedLockOrder(), new dev.mmcheck.engine.props.DeadlockFreedom()).run();
    assertEquals("violation documented-lock-order", verdict(r));
    String m = message(r);
    assertTrue(m.contains("acquires f.i_mutex") && m.contains("holding mm.mmap_sem(w)"), m);
    assertTrue(m.contains("mm.mmap_sem(w) acquired at Madvise.sys_madvise_remove")
        && m.contains("f.i_mutex acquired at Madvise.vmtruncate_range"), m);
  }

  @Test
  void documentedOrderQuietOnFixedPaths() {
    Result r = Checker.of(single(Era26.E2_6_37, (mm, f) -> {
      Madvise.sys_madvise_remove(mm, 0);
      Fault26.do_page_fault(mm, 0);
    })).with(new DocumentedLockOrder()).run();
    assertEquals("verified", verdict(r));
    expect("verified", "pagecache-write-deadlock", params("2.6.24", "mm.case=mlock"), "documented-lock-order");
  }

  /** 2.6.23 write(): the page lock is held when the copy faults and takes mmap_sem. */
  @Test
  void documentedOrderFiresOnPageLockThenMmapSem() {
    Result r = expect("violation documented-lock-order", "pagecache-write-deadlock",
        params("2.6.23", "mm.case=same-page"), "documented-lock-order");
    assertTrue(message(r).contains("acquires mm.mmap_sem(r)") && message(r).contains("PG_locked"), message(r));
  }

  // ---- fault-retry ----

  @Test
  void faultRetryFiresOnStaleReuseAndIsQuietWithRelookup() {
    expect("violation fault-retry", "fault-retry-stale-vma", params("2.6.37", "mm.retryRelooksUpVma=false"),
        "fault-retry");
    expect("verified", "fault-retry-stale-vma", params("2.6.37"), "fault-retry");
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=VMA", "mm.replace=false"),
        "fault-retry");
  }

  // ---- pte-vma-consistency ----

  @Test
  void pteVmaConsistencyFiresAndIsQuiet() {
    expect("violation pte-vma-consistency", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=NONE"),
        "pte-vma-consistency");
    expect("verified", "seqcount-fault", params("2013-seqcount"), "pte-vma-consistency");
    expect("verified", "write-vs-madvise-remove", params("2.6.37"), "pte-vma-consistency");
  }

  // ---- the engine's sleep-in-atomic and lock-held-at-exit on mm paths ----

  /** filemap_fault sleeps on the page lock: calling it under page_table_lock is "sleeping while atomic". */
  @Test
  void sleepInAtomicFiresForFaultUnderPageTableLock() {
    Result r = Checker.of(single(Era26.E2_6_24, (mm, f) -> {
      mm.pageTableLock.lock();
      Fault26.filemap_fault(mm, f, 0, 0).lock.unlock();
      mm.pageTableLock.unlock();
    })).with(new SleepInAtomic()).run();
    assertEquals("violation sleep-in-atomic", verdict(r));
    assertTrue(message(r).contains("lock_page") && message(r).contains("mm.page_table_lock"), message(r));
  }

  @Test
  void sleepInAtomicQuietOnSpinlockPaths() {
    // unmap_mapping_range holds i_mmap_lock and page_table_lock (spinlocks) and does not sleep under them
    expect("verified", "write-vs-madvise-remove", params("2.6.37"), "sleep-in-atomic");
    expect("verified", "pagecache-write-deadlock", params("2.6.24", "mm.case=mlock"), "sleep-in-atomic");
  }

  /** ->fault returns the page locked; a caller that forgets unlock_page returns holding it. */
  @Test
  void lockHeldAtExitFiresWhenFaultPageStaysLocked() {
    Result r = Checker.of(single(Era26.E2_6_24, (mm, f) -> Fault26.filemap_fault(mm, f, 0, 0)))
        .with(new LockHeldAtExit()).run();
    assertEquals("violation lock-held-at-exit", verdict(r));
    assertTrue(message(r).contains("f.page[0].PG_locked"), message(r));
  }

  @Test
  void lockHeldAtExitQuietOnRetryPaths() {
    expect("verified", "fault-retry-stale-vma", params("2.6.37"), "lock-held-at-exit");
    expect("verified", "seqcount-fault", params("2013-seqcount"), "lock-held-at-exit");
  }
}
