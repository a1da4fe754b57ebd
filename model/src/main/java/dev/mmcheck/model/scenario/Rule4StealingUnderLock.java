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
 * code path will lead to page stealing." Memory is low, and an allocation that has to wait
 * steals pages itself: 2.2.1 mm/vmscan.c {@code try_to_free_pages()} wakes kswapd and, for a
 * {@code __GFP_WAIT} allocation, runs {@code do_try_to_free_pages()} in the allocating task.
 *
 * <p>{@code mm.case=direct-reclaim} (default): mprotect_fixup_start allocates its new VMA with
 * {@code vmlist_modify_lock} already held ({@code mm.allocUnderVmlistLock=true}, the default:
 * the order the patch avoids, a mutation of it), the allocation steals from the task's own mm,
 * and {@code swap_out_mm} asks for the same vmlist lock: a self-deadlock (the semaphore of
 * 1999-patch) or, on {@code page_table_lock} (1999-final), sleeping under a spinlock and
 * spinning on it. With the patch's order ({@code mm.allocUnderVmlistLock=false}) it verifies.
 *
 * <pre>
 * mm: vma [0,4) file f, page 3 dirty     threads: mprotect(0, 2) under memory pressure
 * </pre>
 *
 * <p>{@code mm.case=kanoj}: Kanoj Sarcar's example (15 Oct 1999, Message-Id
 * 199910151638.JAA72758) against holding the vmlist lock into a driver method, as Manfred Spraul
 * had proposed ({@code mm.swapoutUnderVmlistLock=true}, the default here): A runs short of
 * memory and steals from its own mm; the victim page's {@code swapout()} sleeps on a lock L
 * ({@code filemap_write_page}'s {@code i_sem}) while A's vmlist lock is held; B holds L (a
 * {@code write()} to the file), runs short of memory and steals from A, waiting for A's vmlist
 * lock. B's own stealing runs without {@code __GFP_IO} (an allocation under a filesystem lock;
 * with it B would recurse into {@code i_sem} itself, the problem 2.2's kpiod thread was added
 * for), so it only looks. With the lock dropped before {@code swapout()}, as the patch does, B
 * scans and returns.
 *
 * <pre>
 * mm A: vma [0,4) file f; page 1 dirty    threads: A: allocation -> steal from A;  B: down(f.i_sem), steal from A (no I/O)
 * </pre>
 */
public final class Rule4StealingUnderLock extends MmScenario {
  public Rule4StealingUnderLock(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 4);
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    k.setDirectReclaim(() -> Vmscan.swap_out(k, List.of(mm)));
    if (choice("mm.case", "direct-reclaim", "direct-reclaim", "kanoj").equals("kanoj")) {
      mm.swapoutUnderVmlistLock = flag("mm.swapoutUnderVmlistLock", true);
      filePage(mm, 1, true);
      w.thread("A", () -> k.allocate("__get_free_page(GFP_KERNEL)"));
      w.thread("B", () -> {
        f.iSem.down();               // B holds L (i_sem, as in a write() to f) ...
        Vmscan.swap_out(k, List.of(mm), false); // ... runs short of memory and steals from A
        f.iSem.up();
      });
      return;
    }
    mm.allocUnderVmlistLock = flag("mm.allocUnderVmlistLock", true);
    mm.mergeAfterFixup = false;
    filePage(mm, 3, true);
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ | Vma.VM_SHARED));
  }
}
