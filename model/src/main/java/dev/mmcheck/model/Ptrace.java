package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * Linux 2.2/2.3 {@code kernel/ptrace.c access_process_vm()} with {@code access_one_page()},
 * reduced to one page: look the VMA up with {@code find_extend_vma}, take {@code mmap_sem}
 * where the era does (2.3.20: after the lookup; seed 002 moves the {@code down()} first; 1998:
 * not at all, seed 000 "In other places where handle_mm_fault() is called, the semaphore is
 * _not_ taken"), fault the page in with {@code handle_mm_fault} if needed, read it.
 * Simplified: {@code sys_ptrace}'s {@code lock_kernel()} is not modelled (the {@code down()}
 * sleeps and would drop it anyway).
 */
public final class Ptrace {
  private Ptrace() {}

  /** Returns the page read (its identity) or -1 if nothing is mapped at {@code addr}. */
  public static int access_process_vm(MmStruct mm, int addr, boolean write) {
    Discipline.PtraceOrder order = mm.discipline.ptraceOrder();
    Vma vma;
    if (order == Discipline.PtraceOrder.LOCK_THEN_LOOKUP) {
      mm.mmapSem.down();
      vma = Mmap.find_extend_vma(mm, addr);
      if (vma == null) {
        mm.mmapSem.up();
        return -1;
      }
    } else {
      vma = Mmap.find_extend_vma(mm, addr);
      if (vma == null) {
        return -1;
      }
      if (order == Discipline.PtraceOrder.LOOKUP_THEN_LOCK) {
        mm.mmapSem.down();
      }
    }
    int page = access_one_page(mm, vma, addr, write);
    if (order != Discipline.PtraceOrder.NO_LOCK) {
      mm.mmapSem.up();
    }
    return page;
  }

  /**
   * 2.2 {@code access_one_page()}: walk {@code vma->vm_mm}'s page table; if the page is not
   * present (or not writable for a write) {@code handle_mm_fault(tsk, vma, addr, write)} and
   * repeat.
   */
  static int access_one_page(MmStruct mm, Vma vma, int addr, boolean write) {
    for (int tries = 0; tries < 2; tries++) {
      vma.access();                  // pgd_offset(vma->vm_mm, addr)
      Cell<Pte> pt = mm.pte(addr);
      Pte pte = pt.get();
      if (pte != null && pte.present() && (!write || (pte.writable() && pte.dirty()))) {
        return pte.page();
      }
      Memory.handle_mm_fault(mm, vma, addr, write);
    }
    return -1;
  }
}
