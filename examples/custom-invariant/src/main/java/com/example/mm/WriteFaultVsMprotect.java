package com.example.mm;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mprotect;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.scenario.MmScenario;
import java.util.Map;

/**
 * A write fault on the last page of an anonymous read-write VMA while mprotect makes the back
 * half read-only: {@code mprotect_fixup_end} (2.3.20 order) shrinks the VMA to {@code [0,2)}
 * and inserts a read-only {@code [2,4)}. The fault checked {@code VM_WRITE} and {@code vm_end}
 * of the old VMA; if mprotect runs in between (1998: it takes no {@code mmap_sem}), the fault
 * installs a writable page at address 3 through a VMA that no longer covers it, after the range
 * was made read-only. With {@code mmap_sem} taken by mprotect (1998-fixed on) the two serialise.
 *
 * <pre>
 * mm: vma [0,4) anon, read-write       threads: fault(addr 3, write), mprotect(2, 2, read-only)
 * </pre>
 *
 * Parameters (from {@link ExampleCatalog}): {@code mm.era} and the era knobs, as for the built-in
 * scenarios ({@link MmScenario} reads them).
 */
public final class WriteFaultVsMprotect extends MmScenario {
  public WriteFaultVsMprotect(Map<String, String> params) {
    super(params, Era.E1998);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    w.thread("fault", () -> Memory.do_page_fault(mm, 3, true));
    w.thread("mprotect", () -> Mprotect.sys_mprotect(mm, 2, 2, Vma.VM_READ));
  }
}
