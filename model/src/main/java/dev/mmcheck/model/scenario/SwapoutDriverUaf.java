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
 * Seed 002's swapout() worry: {@code try_to_swap_out} drops the vmlist lock and calls
 * {@code vma->vm_ops->swapout(vma, page)}; the VMA stays alive only because kswapd holds the
 * BKL and {@code do_munmap} takes it before freeing. A driver whose swapout() sleeps before
 * reading {@code vma->vm_file} drops the BKL, munmap frees the VMA, the driver reads freed
 * memory (1999-patch). Passing the fields instead of the pointer (1999-final,
 * {@code mm.swapoutGetsFields}) closes it. {@code driver=filemap} uses filemap_swapout, which
 * reads the VMA before sleeping, and verifies in 1999-patch too.
 *
 * <pre>
 * mm: vma [0,2) file f, sleepy driver ops, page 1 dirty      threads: kswapd, munmap(0, 2)
 * </pre>
 */
public final class SwapoutDriverUaf extends MmScenario {
  public SwapoutDriverUaf(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 2);
    Inode f = new Inode("f", 2);
    VmOps ops = "filemap".equals(params.get("mm.driver")) ? VmOps.FILE_SHARED : VmOps.SLEEPY_DRIVER;
    map(mm, "vma", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f, ops);
    filePage(mm, 1, true);
    w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    w.thread("munmap", () -> Mmap.sys_munmap(mm, 0, 2));
  }
}
