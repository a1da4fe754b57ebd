package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mprotect;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import dev.mmcheck.model.VmOps;
import java.util.List;
import java.util.Map;

/**
 * Seed 002 rule 4: "While holding the vmlist_modify_lock, you must be able to guarantee that no
 * code path will lead to page stealing." Memory is low; mprotect_fixup_start allocates its new
 * VMA with {@code vmlist_modify_lock} already held ({@code mm.allocUnderVmlistLock=true}, the
 * default here: the order the patch avoids), so the allocation wakes kswapd and sleeps until it
 * frees a page, while kswapd waits for that mm's {@code vmlist_access_lock}: a deadlock. With
 * the patch's order ({@code mm.allocUnderVmlistLock=false}) it verifies.
 *
 * <pre>
 * mm: vma [0,4) file f       threads: mprotect(0, 2) under memory pressure, kswapd
 * </pre>
 */
public final class Rule4StealingUnderLock extends MmScenario {
  public Rule4StealingUnderLock(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    k.setLowMemory();
    MmStruct mm = newMm("mm", k, 4);
    mm.allocUnderVmlistLock = flag("mm.allocUnderVmlistLock", true);
    mm.mergeAfterFixup = false;
    Inode f = new Inode("f", 4);
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ | Vma.VM_SHARED));
    w.thread("kswapd", () -> {
      k.kswapdWaitForWork();
      Vmscan.swap_out(k, List.of(mm));
      k.kswapdFreedMemory();
    });
  }
}
