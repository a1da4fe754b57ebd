package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import java.util.Map;

/**
 * Seed 000 / LOCKING-HISTORY 5.1: a page fault in one clone (holding mmap_sem, in
 * {@code filemap_nopage} on {@code vma1}) while another clone munmaps {@code vma1}. In 1998
 * munmap does not take mmap_sem and frees the VMA under the fault: a use after free. With
 * mmap_sem taken by munmap (1998-fixed and later) the two serialise.
 *
 * <pre>
 * mm: vma0 [0,2) anon | vma1 [2,4) file f, offset 0      threads: fault(addr 3), munmap(2, 2)
 * </pre>
 */
public final class FaultVsMunmap extends MmScenario {
  public FaultVsMunmap(Map<String, String> params) {
    super(params, Era.E1998);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 2);
    map(mm, "vma0", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    map(mm, "vma1", 2, 4, 0, Vma.VM_READ | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    w.thread("fault", () -> Memory.do_page_fault(mm, 3, false));
    w.thread("munmap", () -> Mmap.sys_munmap(mm, 2, 2));
  }
}
