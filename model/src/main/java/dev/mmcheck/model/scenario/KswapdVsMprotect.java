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
 * Seed 002 / LOCKING-HISTORY 5.3: kswapd scans the victim's list without mmap_sem while
 * mprotect splits a shared file mapping. In 2.3.20 ({@code 1999-pre}) mprotect_fixup_start sets
 * {@code vm_start} before {@code vm_offset}; kswapd, writing dirty page 3 back, derives its file
 * offset from the new start and the old offset and writes it to the wrong block. With the
 * patch's vmlist lock and "together" update order (1999-patch, 1999-final) it cannot.
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
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    filePage(mm, 3, true);
    w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ | Vma.VM_SHARED));
  }
}
