package dev.mmcheck.properties.test;

import static dev.mmcheck.properties.test.Runs.expect;
import static dev.mmcheck.properties.test.Runs.message;
import static dev.mmcheck.properties.test.Runs.params;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import dev.mmcheck.properties.PropertyCatalog;
import dev.mmcheck.properties.VmaListInvariants;
import dev.mmcheck.properties.VmlistRules;
import org.junit.jupiter.api.Test;

/** Each mm property: where it must fire and where it must not. */
class PropertyTest {
  // ---- vma-existence ----

  @Test
  void vmaExistenceFiresOnUseAfterFree() {
    Result r = expect("violation vma-existence", "fault-vs-munmap", params("1998"), "vma-existence");
    assertTrue(message(r).contains("vma1") && message(r).contains("fault"), message(r));
  }

  @Test
  void vmaExistenceFiresOnStaleCacheLookup() {
    Result r = expect("violation vma-existence", "stale-mmap-cache",
        params("1999-patch", "mm.munmapClearsCacheInsideLock=false"), "vma-existence");
    assertTrue(message(r).startsWith("stale VMA: kswapd"), message(r));
  }

  /** 2.3.21 without do_munmap's BKL interlock: kswapd's BKL keeps nothing listed. */
  @Test
  void vmaExistenceFiresOnUnlockedScan() {
    Result r = expect("violation vma-existence", "kswapd-vs-munmap", params("1999-pre", "mm.bklInterlock=false"),
        "vma-existence");
    assertTrue(message(r).startsWith("unlocked VMA use: kswapd"), message(r));
  }

  /**
   * 2.3.21: the BKL interlock keeps vma1 alive, but kswapd follows {@code vma0->vm_next} onto the
   * VMA munmap has just unlinked. The read and the unlink's ghost update are on different cells:
   * DPOR finds it because the property's read of the ghost cell is part of the read's footprint;
   * the unreduced search (preemption bound 2) finds it too.
   */
  @Test
  void vmaExistenceFiresOnAScanOfAnUnlinkedVma() {
    Result r = expect("violation vma-existence", "kswapd-vs-munmap", params("1999-pre"), "vma-existence");
    assertTrue(message(r).startsWith("stale VMA: kswapd") && message(r).contains("no longer in mm's list"), message(r));
    Result x = Runs.run("kswapd-vs-munmap", params("1999-pre"), "vma-existence",
        Runs.OPTIONS.withStrategy(dev.mmcheck.engine.SearchOptions.Strategy.EXHAUSTIVE).withPreemptionBound(2));
    assertTrue(message(x).startsWith("stale VMA: kswapd"), message(x));
  }

  /** In 2.1/2.2 every VMA-freeing path holds the BKL, so kswapd's BKL does keep the list. */
  @Test
  void vmaExistenceCountsTheBklWhereEveryFreeingPathHoldsIt() {
    expect("verified", "kswapd-vs-munmap", params("1998-fixed"), "vma-existence");
    expect("verified", "kswapd-vs-munmap", params("1998"), "vma-existence");
  }

  @Test
  void vmaExistenceSilentUnderThe1999Discipline() {
    expect("verified", "swapout-driver-uaf", params("1999-final"), "vma-existence");
    expect("verified", "ptrace-lookup-before-lock", params("1999-patch"), "vma-existence");
    expect("verified", "kswapd-vs-munmap", params("1999-patch"), "vma-existence");
  }

  // ---- vma-list-invariants ----

  /** 2.1.98's VMA-derived write-back offset, with mprotect (mutated) not under the BKL. */
  @Test
  void listInvariantsFireOnOffsetSkew() {
    Result r = expect("violation vma-list-invariants", "kswapd-vs-mprotect",
        params("1998", "mm.case=split", "mm.syscallsTakeBkl=false"), "vma-list-invariants");
    assertTrue(message(r).contains("file offset skew"), message(r));
  }

  /** Seed 000's stale vm_page_prot: a writable PTE in a VMA without VM_WRITE. */
  @Test
  void listInvariantsFireOnStaleProtection() {
    Result r = expect("violation vma-list-invariants", "fault-vs-mprotect", params("1998"), "vma-list-invariants");
    assertTrue(message(r).contains("is writable but") && message(r).contains("has no VM_WRITE"), message(r));
  }

  /** The same split in the 2.1.98 order under the BKL: start and offset stay consistent for kswapd. */
  @Test
  void listInvariantsSilentOnTheBklSerialisedSplit() {
    expect("verified", "kswapd-vs-mprotect", params("1998", "mm.case=split"), "vma-list-invariants");
  }

  /** A broken "insert" that links an overlapping VMA: the quiescent-point check must see it. */
  @Test
  void listInvariantsFireOnOverlapAtLockRelease() {
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E1999_PATCH.discipline(), 4);
      Mmap.link_initial(mm, new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ, null, null));
      w.thread("bad-insert", () -> {
        mm.mmapSem.down();
        mm.vmlistModifyLock();
        Mmap.insert_vm_struct(mm, new Vma("vmaX", mm, 1, 3, 0, Vma.VM_READ, null, null));
        mm.vmlistModifyUnlock();
        mm.mmapSem.up();
      });
    };
    Result r = Checker.of(s).with(new VmaListInvariants()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    assertTrue(message(r).contains("before the previous VMA's end"), message(r));
  }

  /** The same insert without the overlap is fine. */
  @Test
  void listInvariantsSilentOnCorrectInsert() {
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E1999_PATCH.discipline(), 4);
      Mmap.link_initial(mm, new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ, null, null));
      w.thread("insert", () -> {
        mm.mmapSem.down();
        mm.vmlistModifyLock();
        Mmap.insert_vm_struct(mm, new Vma("vmaX", mm, 2, 3, 0, Vma.VM_READ, null, null));
        mm.vmlistModifyUnlock();
        mm.mmapSem.up();
      });
    };
    assertInstanceOf(Result.Verified.class, Checker.of(s).with(new VmaListInvariants(), new VmlistRules()).run());
  }

  @Test
  void listInvariantsSilentWhenFixed() {
    expect("verified", "fault-vs-mprotect", params("1998-fixed"), "vma-list-invariants");
    expect("verified", "kswapd-vs-mprotect", params("1999-final"), "vma-list-invariants");
  }

  // ---- vmlist-rules ----

  @Test
  void rulesReportRule2ForExpandStack() {
    // expand_stack changes vm_start under mmap_sem only: seed 002 admits it ("hard to come up with
    // a destructive scenario"), and rule 2 as written flags it.
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E1999_PATCH.discipline(), 4);
      Mmap.link_initial(mm, new Vma("stack", mm, 2, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_GROWSDOWN, null, null));
      w.thread("fault", () -> dev.mmcheck.model.Memory.do_page_fault(mm, 1, true));
    };
    Result r = Checker.of(s).with(new VmlistRules()).run();
    assertTrue(message(r).startsWith("rule 2"), message(r));
  }

  /** 2.4.20: expand_stack runs under a fault's down_read; rule 1 wants mmap_sem for write. */
  @Test
  void rulesReportRule1ForAListChangeUnderTheReadLock() {
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E2_4_20.discipline(), 4);
      Mmap.link_initial(mm, new Vma("stack", mm, 2, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_GROWSDOWN, null, null));
      w.thread("fault", () -> dev.mmcheck.model.Memory.do_page_fault(mm, 1, true));
    };
    Result r = Checker.of(s).with(new VmlistRules()).run();
    assertTrue(message(r).startsWith("rule 1") && message(r).contains("mm.mmap_sem(r)"), message(r));
  }

  /** The same list change under down_write and page_table_lock (the 2.4 vmlist lock) is fine. */
  @Test
  void rulesSilentForAListChangeUnderTheWriteLockAndPtl() {
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E2_4_20.discipline(), 4);
      Mmap.link_initial(mm, new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ, null, null));
      w.thread("insert", () -> {
        mm.mmapDownWrite();
        mm.vmlistModifyLock();
        Mmap.insert_vm_struct(mm, new Vma("vmaX", mm, 2, 3, 0, Vma.VM_READ, null, null));
        mm.vmlistModifyUnlock();
        mm.mmapUpWrite();
      });
    };
    assertInstanceOf(Result.Verified.class, Checker.of(s).with(new VmlistRules(), new VmaListInvariants()).run());
  }

  @Test
  void rulesReportRule3ForUnlockedKswapd() {
    Result r = expect("violation vmlist-rules", "kswapd-vs-mprotect", params("1999-pre"), "vmlist-rules");
    assertTrue(message(r).startsWith("rule 3") && message(r).contains("kswapd"), message(r));
  }

  @Test
  void rulesReportRule1ForChangeWithoutMmapSem() {
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E1999_PATCH.discipline(), 4);
      Vma v = new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ, null, null);
      Mmap.link_initial(mm, v);
      w.thread("shrink", () -> {
        mm.vmlistModifyLock();       // vmlist lock but no mmap_sem
        v.vmEnd.set(1);
        mm.vmlistModifyUnlock();
      });
    };
    Result r = Checker.of(s).with(new VmlistRules()).run();
    assertTrue(message(r).startsWith("rule 1"), message(r));
  }

  @Test
  void rulesReportRule4() {
    Result r = expect("violation vmlist-rules", "rule4-stealing-under-lock", params("1999-patch"), "vmlist-rules");
    assertTrue(message(r).startsWith("rule 4"), message(r));
  }

  @Test
  void rulesReportRule5() {
    Result r = expect("violation vmlist-rules", "rule5-two-stealers", params("1999-patch"), "vmlist-rules");
    assertTrue(message(r).startsWith("rule 5"), message(r));
  }

  /** 2.4.20 dup_mmap: the child's page_table_lock held while taking the parent's. */
  @Test
  void rulesReportRule5ForTheForkNesting() {
    Result r = expect("violation vmlist-rules", "rule5-fork", params("2.4.20"), "vmlist-rules");
    assertTrue(message(r).startsWith("rule 5") && message(r).contains("child.page_table_lock"), message(r));
  }

  /**
   * 2.4.0 dup_mmap builds the child's list with no child lock at all; no task uses the child and
   * no stealer can find it yet, so rules 1-3 do not apply to it.
   */
  @Test
  void rulesSilentForAForkChildNobodyCanSee() {
    expect("verified", "rule5-fork", params("2.4.0"), "vmlist-rules");
  }

  @Test
  void rulesSilentUnderThePatch() {
    expect("verified", "kswapd-vs-mprotect", params("1999-patch"), "vmlist-rules");
    expect("verified", "kswapd-vs-munmap", params("1999-final"), "vmlist-rules");
    expect("verified", "rule4-stealing-under-lock", params("1999-patch", "mm.allocUnderVmlistLock=false"),
        "vmlist-rules");
    expect("verified", "rule5-two-stealers", params("1999-patch", "mm.nestVictims=false"), "vmlist-rules");
  }

  // ---- pte-lost-update ----

  @Test
  void lostUpdateFiresWithoutRechecksIn1998() {
    Result r = expect("violation pte-lost-update", "hemment-recheck", params("1998"), "pte-lost-update");
    assertTrue(message(r).startsWith("lost update"), message(r));
  }

  /** seed 000's claim against 2.2.1 swapoff, which holds only the BKL. */
  @Test
  void lostUpdateFiresForSwapoffWithoutTheSwapInRecheck() {
    Result r = expect("violation pte-lost-update", "hemment-recheck", params("1998-fixed", "mm.writer=swapoff"),
        "pte-lost-update");
    assertTrue(message(r).contains("swapoff changed it"), message(r));
  }

  @Test
  void lostUpdateSilentWithMmapSemOrRechecks() {
    expect("verified", "hemment-recheck", params("1998-fixed", "mm.writer=swapoff", "mm.faultRechecks=true"),
        "pte-lost-update");
    expect("verified", "hemment-recheck", params("1998-fixed"), "pte-lost-update");
    expect("verified", "hemment-recheck", params("1998", "mm.faultRechecks=true"), "pte-lost-update");
  }

  // ---- catalog ----

  @Test
  void catalogNamesMatchProperties() {
    for (var e : PropertyCatalog.entries().values()) {
      assertEquals(e.name(), e.factory().get().name());
      assertTrue(e.type().isInstance(e.factory().get()));
    }
    assertEquals(7, PropertyCatalog.entries().size());
  }
}
