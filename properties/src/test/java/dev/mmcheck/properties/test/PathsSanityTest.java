package dev.mmcheck.properties.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.engine.props.SleepInAtomic;
import dev.mmcheck.engine.props.UseAfterFree;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.Mlock;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Mremap;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import dev.mmcheck.model.Vmscan;
import dev.mmcheck.properties.VmaExistence;
import dev.mmcheck.properties.VmaListInvariants;
import dev.mmcheck.properties.VmlistRules;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paths no named scenario uses (mlock_fixup_middle, do_mremap, exit_mmap) against kswapd or a
 * fault: clean under the 1999 discipline with every property, and flagged under 1999-pre.
 */
class PathsSanityTest {
  private static Result check(Scenario s) {
    return Checker.of(s).with(new DeadlockFreedom(), new NoUncaughtException(), new UseAfterFree(),
        new SleepInAtomic(), new VmaExistence(), new VmaListInvariants(), new VmlistRules()).run();
  }

  private static Scenario mlockMiddleVsKswapd(Era era) {
    return w -> {
      Kernel k = new Kernel();
      MmStruct mm = new MmStruct("mm", k, era.discipline(), 4);
      Inode f = new Inode("f", 4);
      Mmap.link_initial(mm, new Vma("vma", mm, 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f,
          VmOps.FILE_SHARED));
      mm.setFileLayout(0, 0);
      mm.pte(3).set(Pte.filePage(3, 3, true, true));
      w.thread("mlock", () -> Mlock.sys_mlock(mm, 1, 2));
      w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    };
  }

  @Test
  void mlockMiddleVsKswapd() {
    Result ok = check(mlockMiddleVsKswapd(Era.E1999_FINAL));
    System.out.println("mlock-middle vs kswapd 1999-final: " + Runs.verdict(ok) + " executions="
        + ok.statistics().executions());
    assertEquals("verified", Runs.verdict(ok));
    Result bad = check(mlockMiddleVsKswapd(Era.E1999_PRE));
    System.out.println("mlock-middle vs kswapd 1999-pre: " + Runs.verdict(bad) + " " + Runs.message(bad));
    assertTrue(bad instanceof Result.ViolationsFound);
  }

  @Test
  void mremapExpandVsFault() {
    Scenario s = w -> {
      Kernel k = new Kernel();
      MmStruct mm = new MmStruct("mm", k, Era.E1999_PATCH.discipline(), 4);
      Mmap.link_initial(mm, new Vma("vma", mm, 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null));
      w.thread("mremap", () -> Mremap.do_mremap(mm, 0, 2, 3));
      w.thread("fault", () -> Memory.do_page_fault(mm, 2, true));
    };
    Result r = check(s);
    System.out.println("mremap vs fault 1999-patch: " + Runs.verdict(r) + " executions=" + r.statistics().executions());
    assertEquals("verified", Runs.verdict(r));
  }

  @Test
  void exitMmapLeavesNothing() {
    Scenario s = w -> {
      Kernel k = new Kernel();
      MmStruct mm = new MmStruct("mm", k, Era.E1999_PATCH.discipline(), 4);
      Mmap.link_initial(mm, new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ, null, null));
      Mmap.link_initial(mm, new Vma("vma1", mm, 2, 4, 0, Vma.VM_READ, null, null));
      mm.pte(1).set(Pte.anonPage(1, 101, true, true));
      w.thread("exit", () -> {
        mm.mmapSem.down();           // 2.3 exit_mmap runs with mm_users == 0; mmap_sem keeps rule 1 quiet here
        Mmap.exit_mmap(mm);
        mm.mmapSem.up();
      });
    };
    Result r = check(s);
    assertEquals("verified", Runs.verdict(r));
  }

  /**
   * seed 002 merge_segments drops vmlist_modify_lock around vm_ops->close; the VMA being merged
   * away is already unlinked and emptied (vm_start = vm_end) and the cache is cleared before the
   * loop, so a stealer that takes the lock meanwhile sees a consistent list. Flagged in 2.3.21,
   * where the whole merge runs under mmap_sem alone.
   */
  private static Scenario mergeWithCloseVsKswapd(Era era) {
    return w -> {
      Kernel k = new Kernel();
      MmStruct mm = new MmStruct("mm", k, era.discipline(), 4);
      Inode f = new Inode("f", 4);
      Mmap.link_initial(mm, new Vma("vma0", mm, 0, 2, 0, Vma.VM_READ | Vma.VM_SHARED, f, VmOps.CLOSING_FILE));
      Mmap.link_initial(mm, new Vma("vma1", mm, 2, 4, 2, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f,
          VmOps.CLOSING_FILE));
      mm.setFileLayout(0, 0);
      w.thread("mprotect", () -> dev.mmcheck.model.Mprotect.sys_mprotect(mm, 2, 2, Vma.VM_READ | Vma.VM_SHARED));
      w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    };
  }

  @Test
  void mergeDropsTheVmlistLockAroundClose() {
    Result ok = check(mergeWithCloseVsKswapd(Era.E1999_PATCH));
    System.out.println("merge with close vs kswapd 1999-patch: " + Runs.verdict(ok) + " executions="
        + ok.statistics().executions());
    assertEquals("verified", Runs.verdict(ok));
    Result bad = check(mergeWithCloseVsKswapd(Era.E1999_PRE));
    System.out.println("merge with close vs kswapd 1999-pre: " + Runs.verdict(bad) + " " + Runs.message(bad));
    assertTrue(bad instanceof Result.ViolationsFound);
  }

  /** munmap of the middle of a VMA (the unmap_fixup hole case) against kswapd and a fault. */
  private static Scenario munmapHole(Era era, List<String> layout) {
    return w -> {
      Kernel k = new Kernel();
      MmStruct mm = new MmStruct("mm", k, era.discipline(), 4);
      Inode f = new Inode("f", 4);
      Mmap.link_initial(mm, new Vma("vma", mm, 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f,
          VmOps.FILE_SHARED));
      mm.setFileLayout(0, 0);
      mm.pte(3).set(Pte.filePage(3, 3, true, true));
      w.thread("munmap", () -> {
        Mmap.sys_munmap(mm, 1, 2);
        if (layout != null) {
          mm.mmapSem.down();
          StringBuilder sb = new StringBuilder();
          for (Vma v = mm.mmap.get(); v != null; v = v.vmNext.get()) {
            sb.append(v.describeNow()).append(' ');
          }
          layout.add(sb.toString().trim() + " map_count=" + mm.mapCount.get());
          mm.mmapSem.up();
        }
      });
      w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    };
  }

  @Test
  void munmapHoleKeepsBothEnds() {
    List<String> layouts = new java.util.concurrent.CopyOnWriteArrayList<>();
    Result ok = check(munmapHole(Era.E1999_FINAL, layouts));
    System.out.println("munmap hole vs kswapd 1999-final: " + Runs.verdict(ok) + " executions="
        + ok.statistics().executions() + " layouts=" + new java.util.TreeSet<>(layouts));
    assertEquals("verified", Runs.verdict(ok));
    assertEquals(java.util.Set.of("vma[0,1)+0 vma'[3,4)+3 map_count=2"), new java.util.TreeSet<>(layouts));
    Result bad = check(munmapHole(Era.E1998, null));
    System.out.println("munmap hole vs kswapd 1998: " + Runs.verdict(bad) + " " + Runs.message(bad));
    assertTrue(bad instanceof Result.ViolationsFound);
  }
}
