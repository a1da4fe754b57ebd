package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import dev.mmcheck.model.VmOps;
import java.util.List;
import java.util.Map;

/**
 * LOCKING-HISTORY 5.4, seed 002 mm/mmap.c hunks: before the patch, {@code do_munmap} clears
 * {@code mm->mmap_cache} only at the very end of the function, after the per-VMA BKL sections
 * that free {@code vma1}. kswapd calls {@code find_vma}, hits the stale hint and dereferences
 * the VMA through it: a use after free in 2.3.21 ({@code 1999-pre}) and in the patch with its
 * cache move undone ({@code mm.munmapClearsCacheInsideLock=false}). The patch as posted (the
 * cache cleared inside {@code vmlist_modify_lock}) verifies. Before the vmlist lock existed the
 * move has nothing to differ from.
 *
 * <pre>
 * mm: vma0 [0,2) anon | vma1 [2,4) file f; mmap_cache = vma1     threads: kswapd(from addr 2), munmap(2, 2)
 * </pre>
 */
public final class StaleMmapCache extends MmScenario {
  public StaleMmapCache(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 2);
    map(mm, "vma0", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    Vma vma1 = map(mm, "vma1", 2, 4, 0, Vma.VM_READ | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    mm.mmapCache.set(vma1);
    w.thread("kswapd", () -> {
      k.lockKernel();
      Vmscan.swap_out_mm(mm, 2);
      k.unlockKernel();
    });
    w.thread("munmap", () -> Mmap.sys_munmap(mm, 2, 2));
  }
}
