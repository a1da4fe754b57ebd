package dev.mmcheck.model.v26;

/**
 * {@code get_user_pages()} (mm/memory.c: the caller holds mmap_sem; a missing page is faulted
 * in with {@code handle_mm_fault}, i.e. the filesystem is called with mmap_sem held),
 * {@code get_user_pages_fast()} (arch/x86/mm/gup.c, 2.6.27+: a lockless page-table walk with
 * interrupts disabled, falling back to {@code get_user_pages} under mmap_sem(r)) and its use by
 * {@code mlock} ({@code make_pages_present} under mmap_sem(w), 2.6.23 mm/mlock.c).
 */
public final class Gup {
  private Gup() {}

  /**
   * {@code get_user_pages(mm, addr, 1)}: caller holds mmap_sem (read or write).
   * {@code find_extend_vma}, then {@code follow_page}/{@code handle_mm_fault} until the page is
   * present. No FAULT_FLAG_ALLOW_RETRY (the caller cannot have its lock dropped). Returns the
   * page, or null if nothing is mapped there.
   */
  public static Page get_user_pages(Mm26 mm, int addr) {
    Vma26 vma = mm.find_vma(addr);
    if (vma == null || vma.vmStart.get() > addr) {
      return null;
    }
    while (true) {
      Pte26 p = mm.pte(addr).get();
      if (p != null) {
        return p.page();
      }
      Fault26.handle_mm_fault(mm, vma, addr, 0);
    }
  }

  /**
   * {@code get_user_pages_fast(addr, 1)}: read the PTE without mmap_sem. Only the lock-order side
   * of gup_fast is modelled: the x86 walk runs with interrupts disabled, which is what keeps page
   * tables from being freed under it (TLB-flush IPIs / RCU table freeing), and it takes a page
   * reference that must not race with the page being freed; neither page-table freeing nor page
   * reference counts exist in the model (PTE cells and pages are never freed), so those
   * correctness conditions are outside it (arch/x86/mm/gup.c was not read). It may see a PTE that
   * a concurrent munmap/truncate is about to clear; it takes the page it saw. A miss falls back to the slow path: in 2.6,
   * {@code down_read} + {@link #get_user_pages}; where the era drops mmap_sem on every path into
   * the filesystem ({@code gupDropsMmapSem}), the fault runs without it (the 2013 plan; later
   * {@code get_user_pages_unlocked}, 3.19) and the PTE is read again.
   */
  public static Page get_user_pages_fast(Mm26 mm, int addr) {
    Pte26 p = mm.pte(addr).get();
    if (p != null) {
      return p.page();
    }
    if (mm.d.gupDropsMmapSem()) {
      Fault26.Result r = SeqFault.do_page_fault(mm, addr);
      Pte26 again = mm.pte(addr).get();
      return r == Fault26.Result.OK && again != null ? again.page() : null;
    }
    mm.mmapSem.downRead();
    Page page = get_user_pages(mm, addr);
    mm.mmapSem.upRead();
    return page;
  }

  /**
   * {@code sys_mlock(start, len)} of one whole VMA: {@code down_write(mmap_sem)},
   * {@code mlock_fixup} sets {@code VM_LOCKED} (an address-space change: the 2013 mm-wide count
   * and, per the SPF series' "Protect VMA modifications using VMA sequence count", the VMA's
   * {@code vm_sequence} are bumped around it where the era has them), {@code make_pages_present}
   * -> {@link #get_user_pages} for every page, {@code up_write} (2.6.24 mm/memory.c
   * {@code make_pages_present}; the audit read 2.6.24 mm/mlock.c).
   */
  public static void sys_mlock(Mm26 mm, int start, int len) {
    mm.mmapSem.downWrite();
    Vma26 vma = mm.find_vma(start);
    if (vma != null && vma.vmStart.get() <= start) {
      mm.seqWriteBegin();
      mm.vmWriteBegin(vma);
      vma.vmFlags.set(vma.vmFlags.get() | Vma26.VM_LOCKED);
      mm.vmWriteEnd(vma);
      mm.seqWriteEnd();
      for (int a = start; a < start + len; a++) {
        get_user_pages(mm, a);
      }
    }
    mm.mmapSem.upWrite();
  }
}
