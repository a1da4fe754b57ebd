package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import java.util.List;
import java.util.Map;

/**
 * LOCKING-HISTORY 5.3 "munmap freed VMAs kswapd held": kswapd walks the victim's list (vma0,
 * then vma1) while munmap unlinks and frees vma1. Without any vmlist lock and without the BKL
 * interlock in do_munmap (1998, 1998-fixed: kswapd never took mmap_sem) kswapd reads the freed
 * VMA. In 1999-pre the BKL that kswapd holds throughout already orders the free after the scan
 * (do_munmap's lock_kernel predates the patch); the patch's vmlist lock makes the list walk
 * itself safe.
 *
 * <pre>
 * mm: vma0 [0,2) anon | vma1 [2,4) anon, page 3 dirty      threads: kswapd, munmap(2, 2)
 * </pre>
 */
public final class KswapdVsMunmap extends MmScenario {
  public KswapdVsMunmap(Map<String, String> params) {
    super(params, Era.E1998);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    map(mm, "vma0", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    map(mm, "vma1", 2, 4, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    mm.pte(3).set(Pte.anonPage(3, 103, true, true));
    mm.rss.set(1);
    w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    w.thread("munmap", () -> Mmap.sys_munmap(mm, 2, 2));
  }
}
