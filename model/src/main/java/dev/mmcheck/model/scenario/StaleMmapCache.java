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
 * LOCKING-HISTORY 5.4, seed 002 mm/mmap.c hunks: {@code do_munmap} unlinks {@code vma1} under
 * {@code vmlist_modify_lock} but, before the patch's move, clears {@code mm->mmap_cache} only at
 * the end of the function, outside the lock. kswapd, holding {@code vmlist_access_lock}, calls
 * {@code find_vma}, hits the stale hint and scans a VMA that is no longer in the list. The
 * default is the 1999 patch with that one move undone
 * ({@code mm.munmapClearsCacheInsideLock=false}); the patch as posted verifies.
 *
 * <pre>
 * mm: vma0 [0,2) anon | vma1 [2,4) file f; mmap_cache = vma1     threads: kswapd(from addr 2), munmap(2, 2)
 * </pre>
 */
public final class StaleMmapCache extends MmScenario {
  public StaleMmapCache(Map<String, String> params) {
    super(withDefault(params), Era.E1999_PATCH);
  }

  private static Map<String, String> withDefault(Map<String, String> p) {
    if (p.containsKey("mm.munmapClearsCacheInsideLock")) {
      return p;
    }
    java.util.HashMap<String, String> m = new java.util.HashMap<>(p);
    m.put("mm.munmapClearsCacheInsideLock", "false");
    return m;
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
