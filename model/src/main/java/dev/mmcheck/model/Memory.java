package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * The fault paths: Linux 2.2 {@code arch/i386/mm/fault.c do_page_fault()} and
 * {@code mm/memory.c handle_mm_fault()} with {@code do_no_page}, {@code do_swap_page}/
 * {@code swap_in} (2.2 mm/page_alloc.c) and {@code do_wp_page}, plus {@code zap_page_range}.
 * Addresses are page numbers; a page's contents are named by the file offset (or anon number)
 * it holds. Simplified: no pgd/pmd walk, no young bits, no page reference counts.
 */
public final class Memory {
  /** What a fault did, for scenario assertions and traces. */
  public enum Fault { OK, SIGSEGV }

  private Memory() {}

  /**
   * Linux 2.2 i386 {@code do_page_fault()}: {@code down(&mm->mmap_sem)} (every era: "the arch
   * specific fault-handler taking the faulting task's mux", seed 000), {@code find_vma},
   * {@code expand_stack} for a VM_GROWSDOWN VMA, the access check, {@code handle_mm_fault},
   * {@code up}.
   */
  public static Fault do_page_fault(MmStruct mm, int addr, boolean write) {
    mm.mmapSem.down();
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
    mm.mmapSem.up();
    return f;
  }

  /**
   * Linux 2.2 {@code handle_mm_fault()} / {@code handle_pte_fault()}: dispatch on the PTE to
   * {@link #do_no_page}, {@link #do_swap_page} or {@link #do_wp_page}, else mark it dirty. The
   * caller holds {@code mmap_sem} or, in 1998, maybe not (seed 000). 2.2
   * {@code handle_pte_fault()} runs under {@code lock_kernel()}; every sleep below drops it
   * ({@link Kernel#schedule}), which is why swap_in/do_wp_page re-check the PTE after sleeping.
   * The BKL is kept for the 2.3 eras too (not verified against 2.3.20).
   */
  public static void handle_mm_fault(MmStruct mm, Vma vma, int addr, boolean write) {
    mm.kernel.lockKernel();
    Cell<Pte> pt = mm.pte(addr);
    Pte entry = pt.get();
    if (entry == null) {
      do_no_page(mm, vma, addr, write, pt);
    } else if (!entry.present()) {
      do_swap_page(mm, vma, addr, pt, entry, write);
    } else if (write && !entry.writable()) {
      do_wp_page(mm, vma, addr, pt, entry);
    } else if (write && !entry.dirty()) {
      pt.set(new Pte(addr, true, entry.page(), entry.file(), entry.writable(), true));
    }
    mm.kernel.unlockKernel();
  }

  /**
   * Linux 2.2 {@code do_no_page()}: anonymous zero page, or {@code vma->vm_ops->nopage()}
   * ({@link Filemap#filemap_nopage}, which computes the file offset from {@code vm_start} and
   * {@code vm_offset}), then {@code set_pte}. 2.2 does not re-check the PTE here.
   */
  public static void do_no_page(MmStruct mm, Vma vma, int addr, boolean write, Cell<Pte> pt) {
    VmOps ops = vma.vmOps.get();
    if (ops == null || !ops.nopage()) {
      mm.kernel.schedule("get_free_page(GFP_KERNEL)");
      pt.set(Pte.anonPage(addr, 100 + addr, write, write));
    } else {
      int offset = Filemap.filemap_nopage(mm, vma, addr);
      boolean shared = (vma.vmFlags.get() & Vma.VM_SHARED) != 0;
      pt.set(Pte.filePage(addr, offset, write && shared, write && shared));
    }
    mm.rss.set(mm.rss.get() + 1);
  }

  /**
   * Linux 2.2 {@code do_swap_page()} without a {@code vm_ops->swapin}: {@link #swap_in}.
   */
  public static void do_swap_page(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte entry, boolean write) {
    swap_in(mm, vma, addr, pt, entry, write);
  }

  /**
   * Linux 2.2 mm/page_alloc.c {@code swap_in()}: look the entry up in the swap cache or read it
   * (may sleep), then the re-check {@code if (pte_val(*page_table) != entry) return;} and
   * {@code set_pte}. With {@link MmStruct#faultRechecks} false the re-check is left out: the
   * variant Hemment (seed 000) says becomes correct once mmap_sem is always held.
   */
  public static void swap_in(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte entry, boolean write) {
    mm.kernel.schedule("read_swap_cache(entry) I/O");
    if (mm.faultRechecks && dev.mmcheck.engine.Sched.recheck("swap_in: pte changed while sleeping", () -> !entry.equals(pt.get()))) {
      return;                        // someone else swapped it in meanwhile
    }
    pt.set(Pte.anonPage(addr, 200 + entry.page(), write, write));
    mm.rss.set(mm.rss.get() + 1);
  }

  /**
   * Linux 2.2 {@code do_wp_page()}: allocate the copy (may sleep), re-check that the PTE is
   * still the read-only one it saw, then install the writable copy. Without
   * {@link MmStruct#faultRechecks} the re-check is left out (seed 000: "as do some of the checks
   * in do_wp_page()").
   */
  public static void do_wp_page(MmStruct mm, Vma vma, int addr, Cell<Pte> pt, Pte old) {
    mm.kernel.schedule("__get_free_page(GFP_KERNEL)");
    if (mm.faultRechecks && dev.mmcheck.engine.Sched.recheck("do_wp_page: pte changed while sleeping", () -> !old.equals(pt.get()))) {
      return;
    }
    pt.set(Pte.anonPage(addr, 300 + addr, true, true));
  }

  /**
   * Linux 2.2 {@code zap_page_range()}: clear the PTEs of {@code [start, start+len)} under
   * {@code page_table_lock}, dropping rss.
   */
  public static void zap_page_range(MmStruct mm, int start, int len) {
    mm.ptlLock(false);
    int freed = 0;
    for (int a = start; a < start + len; a++) {
      Cell<Pte> pt = mm.pte(a);
      if (pt.get() != null) {
        pt.set(null);
        freed++;
      }
    }
    mm.ptlUnlock(false);
    if (freed > 0) {
      mm.rss.set(mm.rss.get() - freed);
    }
  }
}
