package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * swapoff's rewrite of other tasks' PTEs: Linux 2.2.1 {@code mm/swapfile.c}
 * {@code sys_swapoff} ({@code lock_kernel()}) -> {@code try_to_unuse} (read the swap page in,
 * {@code read_swap_cache}, which sleeps) -> {@code unuse_process} -> {@code unuse_pte}, which
 * installs the page wherever a PTE still holds the swap entry. What {@code unuse_process}
 * holds is the era's {@link Discipline#swapoffLock}: the BKL only (2.2.1: no {@code mmap_sem}),
 * {@code mmap_sem} (mm12 as posted, 27 Jun 1999, Message-Id 199906280148.SAA94463, whose
 * {@code unuse_mm} takes {@code down(&mm->mmap_sem)}; merge not verified), or
 * {@code page_table_lock} (2.4.0 and 2.4.20 {@code unuse_process}). A PTE writer that takes no
 * {@code mmap_sem}: the case Hemment's claim (seed 000) must also survive.
 */
public final class Swapfile {
  private Swapfile() {}

  /** {@code sys_swapoff} for the one swap slot {@code slot}, over the given mms. */
  public static void sys_swapoff(Kernel kernel, int slot, MmStruct... mms) {
    kernel.lockKernel();
    try_to_unuse(kernel, slot, mms);
    kernel.unlockKernel();
  }

  /**
   * {@code try_to_unuse()}: {@code read_swap_cache(entry)} (sleeps), then
   * {@code unuse_process(p->mm, entry, page)} for every task.
   */
  static void try_to_unuse(Kernel kernel, int slot, MmStruct... mms) {
    kernel.schedule("read_swap_cache(entry) I/O");
    for (MmStruct mm : mms) {
      unuse_process(mm, slot);
    }
  }

  /** {@code unuse_process()} / mm12's {@code unuse_mm()}: walk the VMAs, {@link #unuse_pte}. */
  static void unuse_process(MmStruct mm, int slot) {
    Discipline.SwapoffLock lock = mm.discipline.swapoffLock();
    if (lock == Discipline.SwapoffLock.MMAP_SEM) {
      mm.mmapDownWrite();
    } else if (lock == Discipline.SwapoffLock.PTL) {
      mm.pageTableLock.lock();
    }
    for (Vma vma = mm.mmap.get(); vma != null; vma = vma.vmNext.get()) {
      int end = vma.vmEnd.get();
      for (int a = vma.vmStart.get(); a < end && a < mm.pages(); a++) {
        unuse_pte(mm, vma, a, slot);
      }
    }
    if (lock == Discipline.SwapoffLock.MMAP_SEM) {
      mm.mmapUpWrite();
    } else if (lock == Discipline.SwapoffLock.PTL) {
      mm.pageTableLock.unlock();
    }
  }

  /**
   * 2.2.1 {@code unuse_pte()}: if the PTE still holds the swap entry, install the swap-cache page
   * ({@code pte_mkdirty(mk_pte(page, vma->vm_page_prot))}) and count it in rss.
   */
  static void unuse_pte(MmStruct mm, Vma vma, int addr, int slot) {
    Cell<Pte> pt = mm.pte(addr);
    Pte p = pt.get();
    if (p == null || p.present() || p.page() != slot) {
      return;
    }
    pt.set(Pte.anonPage(addr, 200 + slot, Vma.protWritable(vma.vmPageProt.get()), true));
    mm.rss.set(mm.rss.get() + 1);
  }
}
