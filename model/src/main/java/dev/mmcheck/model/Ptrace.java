package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * ptrace's access to another task's memory, reduced to one page: {@code sys_ptrace} takes
 * {@code lock_kernel()} (2.2.1 arch/i386/kernel/ptrace.c; assumed for 2.3.21 and 2.4), then
 * looks the VMA up with {@code find_extend_vma} and takes {@code mmap_sem} in the era's order:
 * 1998 not at all (seed 000: "In other places where handle_mm_fault() is called, the semaphore
 * is _not_ taken"); 2.2.1 {@code down(&child->mm->mmap_sem)} before {@code read_long} looks the
 * VMA up; 2.3.21's generic {@code access_process_vm()} after the lookup (the "-" lines of seed
 * 002's kernel/ptrace.c hunk, which moves the {@code down()} first). The page is faulted in with
 * {@code handle_mm_fault} if needed and read. 2.4.20 takes {@code mmap_sem} for read.
 */
public final class Ptrace {
  private Ptrace() {}

  /** Returns the page read (its identity) or -1 if nothing is mapped at {@code addr}. */
  public static int access_process_vm(MmStruct mm, int addr, boolean write) {
    mm.kernel.lockKernel();
    int page = access(mm, addr, write);
    mm.kernel.unlockKernel();
    return page;
  }

  private static int access(MmStruct mm, int addr, boolean write) {
    Discipline.PtraceOrder order = mm.discipline.ptraceOrder();
    Vma vma;
    if (order == Discipline.PtraceOrder.LOCK_THEN_LOOKUP) {
      mm.mmapDownRead();
      vma = Mmap.find_extend_vma(mm, addr);
      if (vma == null) {
        mm.mmapUpRead();
        return -1;
      }
    } else {
      vma = Mmap.find_extend_vma(mm, addr);
      if (vma == null) {
        return -1;
      }
      if (order == Discipline.PtraceOrder.LOOKUP_THEN_LOCK) {
        mm.mmapDownRead();
      }
    }
    int page = access_one_page(mm, vma, addr, write);
    if (order != Discipline.PtraceOrder.NO_LOCK) {
      mm.mmapUpRead();
    }
    return page;
  }

  /**
   * 2.2.1 {@code get_long()} / 2.3.21 {@code access_one_page()}: walk {@code vma->vm_mm}'s page
   * table; if the page is not present (or not writable for a write)
   * {@code handle_mm_fault(tsk, vma, addr, write)} and repeat.
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
