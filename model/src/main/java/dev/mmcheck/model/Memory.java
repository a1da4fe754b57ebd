package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * The fault paths: Linux 2.2.1 {@code arch/i386/mm/fault.c do_page_fault()} and
 * {@code mm/memory.c handle_mm_fault()} with {@code do_no_page}, {@code do_anonymous_page},
 * {@code do_swap_page}/{@code swap_in} (mm/page_alloc.c) and {@code do_wp_page}; the 2.4.0 and
 * 2.4.20 versions of the same functions where the era's {@link Discipline#faultLock} is
 * {@code page_table_lock}; plus {@code zap_page_range}. Addresses are page numbers; a page's
 * contents are named by the file offset (or anon number) it holds. Simplified: no pgd/pmd walk,
 * no young bits, no page reference counts (so {@code do_wp_page} always copies).
 */
public final class Memory {
  /** What a fault did, for scenario assertions and traces. */
  public enum Fault { OK, SIGSEGV }

  private Memory() {}

  /**
   * Linux 2.2.1 i386 {@code do_page_fault()}: {@code down(&mm->mmap_sem)} (every era: "the arch
   * specific fault-handler taking the faulting task's mux", seed 000; {@code down_read} in
   * 2.4.20), {@code find_vma}, {@code expand_stack} for a VM_GROWSDOWN VMA, the access check,
   * {@code handle_mm_fault}, {@code up}.
   */
  public static Fault do_page_fault(MmStruct mm, int addr, boolean write) {
    mm.mmapDownRead();
    Fault f = Fault.SIGSEGV;
    Vma vma = Mmap.find_vma(mm, addr);
    if (vma != null) {
      boolean good = vma.vmStart.get() <= addr;
      if (!good && (vma.vmFlags.get() & Vma.VM_GROWSDOWN) != 0) {
        good = Mmap.expand_stack(vma, addr);
      }
      if (good && (!write || (vma.vmFlags.get() & Vma.VM_WRITE) != 0)) {
        handle_mm_fault(mm, vma, addr, write);
        f = Fault.OK;
      }
    }
    mm.mmapUpRead();
    return f;
  }

  /**
   * {@code handle_mm_fault()} / {@code handle_pte_fault()}. 2.2.1: under {@code lock_kernel()},
   * dispatch on the PTE to {@link #do_no_page}, {@link #do_swap_page} or {@link #do_wp_page},
   * else mark it dirty; each path releases the BKL itself (every sleep below drops it, which is
   * why the 2.2 paths re-check the PTE afterwards). 2.4.0/2.4.20: the same dispatch under
   * {@code page_table_lock}, dropped at once for a not-present PTE ("we know that kswapd and the
   * PTE updates will not touch it later"). The BKL is kept for 2.3.21 (not verified).
   */
  public static void handle_mm_fault(MmStruct mm, Vma vma, int addr, boolean write) {
    boolean ptl = mm.discipline.faultLock() == Discipline.FaultLock.PTL;
    if (ptl) {
      mm.pageTableLock.lock();
    } else {
      mm.kernel.lockKernel();
    }
    Cell<Pte> pt = mm.pte(addr);
    Pte entry = pt.get();
    if (entry == null || !entry.present()) {
      if (ptl) {
        mm.pageTableLock.unlock();
      }
      if (entry == null) {
        do_no_page(mm, vma, addr, write, pt);             // drops the BKL itself
      } else {
        do_swap_page(mm, vma, addr, pt, entry, write);
        if (!ptl) {
          mm.kernel.unlockKernel();                       // 2.2.1 do_swap_page's unlock_kernel()
        }
      }
      return;
    }
    if (write && !entry.writable()) {
      do_wp_page(mm, vma, addr, pt, entry);               // releases the fault's lock itself
      return;
    }
    if (write && !entry.dirty()) {
      pt.set(new Pte(addr, true, entry.page(), entry.file(), entry.writable(), true));
    }
    if (ptl) {
      mm.pageTableLock.unlock();
    } else {
      mm.kernel.unlockKernel();
    }
  }

  /**
   * {@code do_no_page()}. 2.2.1: an anonymous VMA drops the BKL ("This only needs the MM
   * semaphore") and gets a zero page, or a fresh page for a write ({@code __get_free_page}, may
   * sleep); a file VMA calls {@code vma->vm_ops->nopage()} ({@link Filemap#filemap_nopage}, which
   * sleeps for the read and so drops the BKL), then builds the PTE from {@code vma->vm_page_prot}
   * <em>read after that sleep</em> ({@code mk_pte(page, vma->vm_page_prot)}, made writable and
   * dirty for a write); {@code put_page()} installs it only if the PTE is still none. 2.4.0 has
   * neither re-check; 2.4.20 re-checks {@code pte_none} under {@code page_table_lock}.
   * {@link MmStruct#faultRechecks} false removes the re-check (Hemment's proposal).
   */
  public static void do_no_page(MmStruct mm, Vma vma, int addr, boolean write, Cell<Pte> pt) {
    boolean bkl = mm.discipline.faultLock() == Discipline.FaultLock.BKL;
    VmOps ops = vma.vmOps.get();
    Pte entry;
    if (ops == null || !ops.nopage()) {
      if (bkl) {
        mm.kernel.unlockKernel();                         // "This only needs the MM semaphore"
      }
      if (!write) {
        entry = Pte.anonPage(addr, 0, false, false);      // ZERO_PAGE, write-protected
      } else {
        mm.kernel.allocate("__get_free_page(GFP_USER)");
        entry = Pte.anonPage(addr, 100 + addr, true, true);
      }
    } else {
      int offset = Filemap.filemap_nopage(mm, vma, addr);
      if (bkl) {
        mm.kernel.unlockKernel();                         // right after nopage() returns
      }
      boolean writable = Vma.protWritable(vma.vmPageProt.get()) || write;
      entry = Pte.filePage(addr, offset, writable, write);
    }
    mm.rss.set(mm.rss.get() + 1);
    install(mm, pt, entry);
  }

  /** 2.2.1 {@code put_page()} / 2.4.20's {@code pte_none} re-check before {@code set_pte}. */
  private static void install(MmStruct mm, Cell<Pte> pt, Pte entry) {
    boolean ptl = mm.discipline.faultLock() == Discipline.FaultLock.PTL && mm.faultRechecks;
    if (ptl) {
      mm.pageTableLock.lock();
    }
    if (!mm.faultRechecks || pt.get() == null) {
      pt.set(entry);
    } else {
      mm.rss.set(mm.rss.get() - 1);                       // free_page_and_swap_cache: back out
    }
    if (ptl) {
      mm.pageTableLock.unlock();
    }
  }

  /**
   * {@code do_swap_page()} without a {@code vm_ops->swapin}: 2.2.1 {@link #swap_in}; 2.4.0/2.4.20
   * the same steps with {@code read_swap_cache} under {@code lock_kernel()} (2.4.0) and the
   * {@code pte_same} re-check under {@code page_table_lock} (2.4.20).
   */
  public static void do_swap_page(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte entry, boolean write) {
    swap_in(mm, vma, addr, pt, entry, write);
  }

  /**
   * Linux 2.2.1 mm/page_alloc.c {@code swap_in()}: look the entry up in the swap cache or read it
   * ({@code read_swap_cache}, sleeps), then the re-check
   * {@code if (pte_val(*page_table) != entry) return;} and {@code set_pte} (writable and dirty
   * for a write, else {@code mk_pte(page, vma->vm_page_prot)}). 2.4.20: the re-check is
   * {@code pte_same()} under {@code page_table_lock} ("Back out if somebody else faulted in this
   * pte"); 2.4.0 has none. With {@link MmStruct#faultRechecks} false the re-check is left out:
   * the variant Hemment (seed 000) says becomes correct once mmap_sem is always held.
   */
  public static void swap_in(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte entry, boolean write) {
    boolean ptlEra = mm.discipline.faultLock() == Discipline.FaultLock.PTL;
    if (ptlEra) {
      mm.kernel.lockKernel();                             // 2.4.0: around read_swap_cache
    }
    mm.kernel.schedule("read_swap_cache(entry) I/O");
    if (ptlEra) {
      mm.kernel.unlockKernel();
    }
    boolean ptl = ptlEra && mm.faultRechecks;
    if (ptl) {
      mm.pageTableLock.lock();
    }
    if (mm.faultRechecks
        && dev.mmcheck.engine.Sched.recheck("swap_in: pte changed while sleeping", () -> !entry.equals(pt.get()))) {
      if (ptl) {
        mm.pageTableLock.unlock();
      }
      return;                        // someone else swapped it in meanwhile
    }
    boolean writable = write || Vma.protWritable(vma.vmPageProt.get());
    pt.set(Pte.anonPage(addr, 200 + entry.page(), writable, write));
    mm.rss.set(mm.rss.get() + 1);
    if (ptl) {
      mm.pageTableLock.unlock();
    }
  }

  /**
   * {@code do_wp_page()}: allocate the copy (may sleep: the BKL in 2.2.1, {@code page_table_lock}
   * in 2.4 is dropped around it), re-check, install the writable copy. 2.2.1 re-checks that the
   * PTE is still the one it saw, still present and not writable; 2.4.0 and 2.4.20 re-check with
   * {@code pte_same} under {@code page_table_lock}. Seed 000 says "some of the checks in
   * do_wp_page()" become redundant with {@code mmap_sem} always held ("getting write permissions
   * enabled in the PTE is impossible") while "a loaded PTE may be unloaded (by swap_out()) but
   * these cases are correctly covered": with {@link MmStruct#faultRechecks} false in a 2.2 era
   * only the "still present" check is kept. Called with the fault's lock held; releases it.
   */
  public static void do_wp_page(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte old) {
    boolean ptl = mm.discipline.faultLock() == Discipline.FaultLock.PTL;
    if (ptl) {
      mm.pageTableLock.unlock();
    }
    mm.kernel.allocate("__get_free_page(GFP_USER)");
    if (ptl) {
      mm.pageTableLock.lock();
    }
    Pte now = pt.get();
    boolean fullCheck = ptl || mm.faultRechecks;
    boolean gone = fullCheck
        ? dev.mmcheck.engine.Sched.recheck("do_wp_page: pte changed while sleeping", !old.equals(now))
        : dev.mmcheck.engine.Sched.recheck("do_wp_page: pte gone while sleeping", now == null || !now.present());
    if (!ptl) {
      mm.kernel.unlockKernel();      // 2.2.1: unlock_kernel() after the re-check, before set_pte
    }
    if (!gone) {                     // "Did someone else copy this page for us while we slept?"
      pt.set(Pte.anonPage(addr, 300 + addr, true, true));
    }
    if (ptl) {
      mm.pageTableLock.unlock();
    }
  }

  /**
   * {@code zap_page_range()}: clear the PTEs of {@code [start, start+len)}, dropping rss. 2.2.1
   * takes no lock here (the caller's {@code mmap_sem} and BKL); 2.4.20 takes
   * {@code page_table_lock} ("the page table lock only protects against kswapd anyway"), assumed
   * wherever kswapd takes it ({@link Discipline#kswapdTakesPtl}).
   */
  public static void zap_page_range(MmStruct mm, int start, int len) {
    boolean ptl = mm.discipline.kswapdTakesPtl();
    if (ptl) {
      mm.ptlLock(false);
    }
    int freed = 0;
    for (int a = start; a < start + len && a < mm.pages(); a++) {
      Cell<Pte> pt = mm.pte(a);
      if (pt.get() != null) {
        pt.set(null);
        freed++;
      }
    }
    if (ptl) {
      mm.ptlUnlock(false);
    }
    if (freed > 0) {
      mm.rss.set(mm.rss.get() - freed);
    }
  }
}
