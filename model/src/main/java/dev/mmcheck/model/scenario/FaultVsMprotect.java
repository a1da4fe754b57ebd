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
 * modified during a block (say, for page I/O)". A read fault on page 1 of a shared writable file
 * mapping sleeps in {@code filemap_nopage} (the offset is already computed, so it is right);
 * meanwhile mprotect(0, 2, read-only), which takes no {@code mmap_sem} in 1998, splits the VMA
 * with {@code mprotect_fixup_start}: the struct the fault holds becomes {@code [2,4)} (still
 * writable) and a new read-only {@code [0,2)} covers page 1; {@code change_protection} finds no
 * PTE there yet. The fault wakes and builds the PTE from {@code vma->vm_page_prot} of the struct
 * it holds (2.2.1 {@code do_no_page}: {@code mk_pte(page, vma->vm_page_prot)} after the sleep): a
 * writable PTE in a read-only VMA. With {@code mmap_sem} in mprotect (1998-fixed on) the split
 * waits for the fault.
 *
 * <pre>
 * mm: vma [0,4) file f, offset 0, shared, writable      threads: fault(addr 1, read), mprotect(0, 2, read-only)
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
    w.thread("fault", () -> Memory.do_page_fault(mm, 1, false));
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ | Vma.VM_SHARED));
  }
}
