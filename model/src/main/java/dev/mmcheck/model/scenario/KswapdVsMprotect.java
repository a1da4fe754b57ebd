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
 * Seed 002 / LOCKING-HISTORY 5.3: kswapd scans the victim's VMA list holding only the BKL while
 * mprotect changes it under {@code mmap_sem}.
 *
 * <p>{@code mm.case=merge} (default), the race 2.3.21 had: mprotect(2, 2, read-only) makes
 * {@code vma1} like its neighbour, and {@code merge_segments} (called under {@code mmap_sem}
 * only: seed 002 adds the {@code vmlist_modify_lock} around it, and 2.3.21's
 * {@code sys_mprotect} takes no BKL) unlinks and frees {@code vma1} while kswapd, which read
 * {@code vma0->vm_next} a moment before, goes on to scan it: a use after free. Unlike munmap,
 * this free has no {@code lock_kernel()} interlock. In 2.2.1 both paths hold the BKL and neither
 * sleeps in between; with the patch the vmlist lock orders them. With {@code mm.dirty=true} page
 * 3 is dirty, and kswapd hands it to {@code vma1->vm_ops->swapout(vma1, page)} after dropping the
 * vmlist lock: the patch's documented guarantee ("do_munmap() temporarily gets lock_kernel
 * before decimating the vma") does not cover {@code merge_segments}, so the patch as posted still
 * frees the VMA under {@code filemap_swapout}; mm18's {@code swapout(page, file)} closes it.
 *
 * <pre>
 * mm: vma0 [0,2) f+0 read-only | vma1 [2,4) f+2 writable; page 3 present   threads: kswapd, mprotect(2, 2, read-only)
 * </pre>
 *
 * <p>{@code mm.case=split}: the shape the model used to show for 2.3.20 (kswapd derives the
 * write-back offset from {@code vm_start} and {@code vm_offset} while
 * {@code mprotect_fixup_start} changes them one by one). No 2.2/2.3 kernel had it: they write back
 * at {@code page->offset}. It is kept for the 2.1.98 derivation ({@code mm.era=1998}), where the
 * BKL of both paths prevents it, and as a named mutation with {@code mm.syscallsTakeBkl=false}.
 *
 * <pre>
 * mm: vma [0,4) file f, offset 0, shared; page 3 dirty    threads: kswapd, mprotect(0, 2, read-only)
 * </pre>
 */
public final class KswapdVsMprotect extends MmScenario {
  public KswapdVsMprotect(Map<String, String> params) {
    super(params, Era.E1999_PRE);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 4);
    int shared = Vma.VM_READ | Vma.VM_SHARED;
    if (choice("mm.case", "merge", "merge", "split").equals("split")) {
      map(mm, "vma", 0, 4, 0, shared | Vma.VM_WRITE, f, VmOps.FILE_SHARED);
      filePage(mm, 3, true);
      w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
      w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, shared));
      return;
    }
    map(mm, "vma0", 0, 2, 0, shared, f, VmOps.FILE_SHARED);
    map(mm, "vma1", 2, 4, 2, shared | Vma.VM_WRITE, f, VmOps.FILE_SHARED);
    filePage(mm, 3, flag("mm.dirty", false));
    w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 2, 2, shared));
  }
}
