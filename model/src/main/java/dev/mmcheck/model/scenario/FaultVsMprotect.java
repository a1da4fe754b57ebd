package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mprotect;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import java.util.Map;

/**
 * Seed 000: "the 'vma' which is past to handle_mm_fault() may have its start/end/offset
 * modified during a block". A fault on page 3 of a file mapping computes
 * {@code offset = address - vm_start + vm_offset} while mprotect (no mmap_sem in 1998) splits
 * off {@code [0,2)} with {@code mprotect_fixup_start}, which sets {@code vm_start = 2} before it
 * fixes {@code vm_offset}: the fault maps file page 1 at address 3 (Hemment hoped start and
 * offset were "kept in-sync"; in the 2.x order they are not, between two statements).
 *
 * <pre>
 * mm: vma [0,4) file f, offset 0, shared      threads: fault(addr 3, read), mprotect(0, 2, read-only)
 * </pre>
 */
public final class FaultVsMprotect extends MmScenario {
  public FaultVsMprotect(Map<String, String> params) {
    super(params, Era.E1998);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 4);
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    w.thread("fault", () -> Memory.do_page_fault(mm, 3, false));
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ | Vma.VM_SHARED));
  }
}
