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
import dev.mmcheck.model.v26.Discipline26;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Fault26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Madvise;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.properties.DocumentedLockOrder;
import dev.mmcheck.properties.PropertyCatalog;
import org.junit.jupiter.api.Test;

/** Each part-2 property, and the engine's sleep-in-atomic / lock-held-at-exit on mm paths: fires and stays quiet. */
class Part2PropertyTest {
  /** One thread running {@code body} on a 2.6 mm with file f mapped at [0,1). */
  interface Body {
    void run(Mm26 mm, Inode26 f);
  }

  static Scenario single(Era26 era, Body body) {
    return single(era, era.discipline(), body);
  }

  static Scenario single(Era26 era, Discipline26 d, Body body) {
    return w -> {
      Mm26 mm = new Mm26("mm", era, d, 2);
      Inode26 f = new Inode26("f", 1, true, era.immapIsSpinlock(), false);
      mm.mapInitial("vma_f", 0, 1, 0, Vma26.VM_READ | Vma26.VM_WRITE | Vma26.VM_SHARED, f);
      w.thread("t", () -> body.run(mm, f));
    };
  }

  // ---- documented-lock-order ----

  /** 2.6.20 MADV_REMOVE alone: no deadlock is possible with one thread, the order is still violated. */
  @Test
  void documentedOrderFiresWithoutAnyDeadlock() {
    Result r = Checker.of(single(Era26.E2_6_20, (mm, f) -> Madvise.sys_madvise_remove(mm, 0)))
        .with(new DocumentedLockOrder(), new dev.mmcheck.engine.props.DeadlockFreedom()).run();
    assertEquals("violation documented-lock-order", verdict(r));
    String m = message(r);
    assertTrue(m.contains("acquires f.i_mutex") && m.contains("holding mm.mmap_sem(w)"), m);
    assertTrue(m.contains("mm.mmap_sem(w) acquired at Madvise.sys_madvise_remove")
        && m.contains("f.i_mutex acquired at Madvise.vmtruncate_range"), m);
  }

  @Test
  void documentedOrderQuietOnFixedPaths() {
    Result r = Checker.of(single(Era26.E2_6_24, (mm, f) -> {
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
  }

  /**
   * The 2013 fault hands the VMA to ->fault after dropping mmap_sem: a stale use unless SRCU pins
   * it. One thread, nothing changes the mapping: the property fires on the use itself.
   */
  @Test
  void faultRetryFiresOnUnpinnedVmaInFaultAndIsQuietWhenPinned() {
    Era26 e = Era26.E2013_SEQCOUNT;
    Result r = Checker.of(single(e, e.discipline().withOverrides(java.util.Map.of("mm.vmaFreeDeferred", "false")),
        (mm, f) -> Fault26.user_fault(mm, 0))).with(PropertyCatalog.create("fault-retry")).run();
    assertEquals("violation fault-retry", verdict(r));
    assertTrue(message(r).contains("read(vma_f.vm_file) in Fault26.vm_ops_fault()"), message(r));
    Result q = Checker.of(single(e, e.discipline(), (mm, f) -> Fault26.user_fault(mm, 0)))
        .with(PropertyCatalog.create("fault-retry")).run();
    assertEquals("verified", verdict(q));
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=VMA", "mm.change=munmap"),
        "fault-retry");
  }

  // ---- pte-vma-consistency ----

  @Test
  void pteVmaConsistencyFiresAndIsQuiet() {
    expect("violation pte-vma-consistency", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=NONE"),
        "pte-vma-consistency");
    expect("verified", "seqcount-fault", params("2013-seqcount"), "pte-vma-consistency");
    expect("verified", "write-vs-madvise-remove", params("2.6.24"), "pte-vma-consistency");
  }

  /** The write-permission half: a writable PTE needs VM_WRITE in the covering VMA. */
  @Test
  void pteVmaConsistencyFiresOnWritablePteInReadOnlyVma() {
    Result r = Checker.of(single(Era26.E2_6_24, (mm, f) -> {
      mm.mapInitial("vma_ro", 1, 2, 0, Vma26.VM_READ | Vma26.VM_SHARED, f);
      mm.pageTableLock.lock();
      mm.pte(1).set(new dev.mmcheck.model.v26.Pte26(f.mapping.page(0), true, mm, 1));
      mm.pageTableLock.unlock();
    })).with(PropertyCatalog.create("pte-vma-consistency")).run();
    assertEquals("violation pte-vma-consistency", verdict(r));
    assertTrue(message(r).contains("vma_ro is not writable"), message(r));
    // the kernel path: a write fault to a writable VMA installs a writable PTE, a read fault a read-only one
    Result q = Checker.of(single(Era26.E2_6_24, (mm, f) -> {
      mm.mapInitial("vma_ro", 1, 2, 0, Vma26.VM_READ | Vma26.VM_SHARED, f);
      Fault26.user_fault(mm, 0, true);
      Fault26.Result ro = Fault26.user_fault(mm, 1, true);
      assertEquals(Fault26.Result.SIGSEGV, ro);
    })).with(PropertyCatalog.create("pte-vma-consistency")).run();
    assertEquals("verified", verdict(q));
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=VMA", "mm.change=mprotect"),
        "pte-vma-consistency");
    expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=DETACH", "mm.change=mprotect"), "pte-vma-consistency");
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
