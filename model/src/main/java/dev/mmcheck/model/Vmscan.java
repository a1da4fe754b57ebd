package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import java.util.List;

/**
 * The page stealer: Linux 2.2.1 {@code mm/vmscan.c} ({@code do_try_to_free_pages},
 * {@code swap_out}, {@code swap_out_process}, {@code swap_out_vma}, {@code try_to_swap_out};
 * read from the linas/i370-linux-2.2.1 mirror) with seed 002's 2.3.21 {@code vmlist_access_lock}
 * and {@code page_table_lock} sites, mm18's {@code swapout(page, file)}, and 2.4.0's
 * {@code swap_out_mm} (the whole walk under {@code page_table_lock}, no driver call). Every era's
 * stealer runs under the BKL ({@code do_try_to_free_pages}; 2.4.0 {@code swap_out}: "we are
 * running with the big kernel lock"). Simplified: one victim pass over the given mms (no
 * {@code swap_cnt}/rss selection, no pmd/pgd loops), no young-bit aging, no swap cache.
 */
public final class Vmscan {
  private Vmscan() {}

  /**
   * {@code do_try_to_free_pages()} -> {@code swap_out()}: under {@code lock_kernel()}, try each
   * victim mm in turn until one page is freed. Where the era pins the victim
   * ({@link Discipline#kswapdPinsMm}) the struct is held across the scan: {@code mm_count} and
   * {@code mmdrop} (seed 002, 2.3.21), or {@code mm_users} and {@code mmput} (2.4.0). The victim is
   * taken off the task list, where 2.2.1 finds it (a list the stealer reads under
   * {@code tasklist_lock}; not modelled: the given mms are the candidates).
   */
  public static int swap_out(Kernel kernel, List<MmStruct> victims) {
    return swap_out(kernel, victims, true);
  }

  /**
   * As {@link #swap_out(Kernel, List)} with the allocation's {@code gfp_mask & __GFP_IO}: without
   * it a dirty page is left alone (2.2.1 {@code try_to_swap_out}: "Don't go down into the
   * swap-out stuff if we cannot do I/O! Avoid recursing on FS locks etc.").
   */
  public static int swap_out(Kernel kernel, List<MmStruct> victims, boolean gfpIo) {
    kernel.lockKernel();
    int result = 0;
    for (MmStruct mm : victims) {
      if (!mm.onMmlist.get()) {
        continue;                    // not (yet) where swap_out picks victims from
      }
      pin(mm);
      result = swap_out_mm(mm, 0, gfpIo);
      unpin(mm);
      if (result != 0) {
        break;
      }
    }
    kernel.unlockKernel();
    return result;
  }

  /**
   * {@code swap_out()} over the task list ({@link Kernel#tasks}): under
   * {@code read_lock(&tasklist_lock)} take the first task's {@code ->mm} that is still set and
   * pin it where the era does, then scan it. This is how the stealer reaches a victim that may
   * be exiting (the other entry point takes victims that outlive the scenario).
   */
  public static int swap_out_tasks(Kernel kernel) {
    kernel.lockKernel();
    int result = 0;
    for (Cell<MmStruct> task : kernel.tasks()) {
      kernel.tasklistLock.lock();
      MmStruct mm = task.get();
      if (mm != null) {
        pin(mm);
      }
      kernel.tasklistLock.unlock();
      if (mm == null) {
        continue;
      }
      result = swap_out_mm(mm, 0, true);
      unpin(mm);
      if (result != 0) {
        break;
      }
    }
    kernel.unlockKernel();
    return result;
  }

  private static void pin(MmStruct mm) {
    if (!mm.discipline.kswapdPinsMm()) {
      return;
    }
    if (mm.discipline.faultLock() == Discipline.FaultLock.PTL) {
      mm.mmUsers.fetchAdd(1);        // 2.4.0: atomic_inc(&best->mm_users)
    } else {
      Mmap.mmgrab(mm);               // 2.3.21: mm_count inc
    }
  }

  private static void unpin(MmStruct mm) {
    if (!mm.discipline.kswapdPinsMm()) {
      return;
    }
    if (mm.discipline.faultLock() == Discipline.FaultLock.PTL) {
      Mmap.mmput(mm);                // 2.4.0: mmput(best)
    } else {
      Mmap.mmdrop(mm);               // 2.3.21: mmdrop
    }
  }

  /**
   * 2.3.21 {@code swap_out_mm()} (2.2.1 {@code swap_out_process}): {@code vmlist_access_lock},
   * {@code find_vma}, then walk {@code vm_next} calling {@link #swap_out_vma}. When that returns
   * non-zero, {@code try_to_swap_out} has already dropped the vmlist lock (seed 002).
   */
  public static int swap_out_mm(MmStruct mm, int address) {
    return swap_out_mm(mm, address, true);
  }

  /** {@link #swap_out_mm(MmStruct, int)} with the allocation's {@code __GFP_IO}. */
  public static int swap_out_mm(MmStruct mm, int address, boolean gfpIo) {
    mm.vmlistAccessLock();
    Vma vma = Mmap.find_vma(mm, address);
    if (vma != null) {
      int start = vma.vmStart.get();
      if (address < start) {
        address = start;
      }
      for (;;) {
        int result = swap_out_vma(mm, vma, address, gfpIo);
        if (result != 0) {
          return result;
        }
        vma = vma.vmNext.get();
        if (vma == null) {
          break;
        }
        address = vma.vmStart.get();
      }
    }
    mm.vmlistAccessUnlock();
    return 0;
  }

  /**
   * 2.2.1 {@code swap_out_vma()}: skip VM_SHM/VM_LOCKED areas, else try every page from
   * {@code address} to {@code vm_end} (read once).
   */
  public static int swap_out_vma(MmStruct mm, Vma vma, int address, boolean gfpIo) {
    if ((vma.vmFlags.get() & Vma.VM_LOCKED) != 0) {
      return 0;
    }
    int end = vma.vmEnd.get();
    for (; address < end && address < mm.pages(); address++) {
      int result = try_to_swap_out(mm, vma, address, gfpIo);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /**
   * {@code try_to_swap_out()}, 2.2.1 / 2.3.21 / 2.4.0. A clean page is just dropped. A dirty
   * page of a mapping with a {@code swapout()} method is unmapped and handed to the driver after
   * {@code vmlist_access_unlock} (seed 002): with the VMA ({@link Filemap#swapout}) or, from
   * mm18 on, with the file ({@link Filemap#swapout_fields}). A dirty anonymous page gets a swap
   * entry and is written to swap (sleeps). Returns 1 once it may have slept ("it *must* return
   * 1"). 2.3.21 and 2.4 read and clear the PTE under {@code page_table_lock}. 2.4.0 never calls a
   * driver and never sleeps here: a dirty page is marked ({@code set_page_dirty}) or put in the
   * swap cache, and the scan continues.
   *
   * <p>The write-back offset is the page's own ({@code page->offset}, 2.2.1
   * {@code filemap_swapout}): {@link Pte#page()} of a file page. Only with
   * {@link Discipline#swapoutOffsetFromVma} (2.1.98) is it derived from the scanned VMA,
   * {@code address - vm_start + vm_offset}, read while the era's vmlist lock (if any) is held.
   */
  public static int try_to_swap_out(MmStruct mm, Vma vma, int address, boolean gfpIo) {
    Discipline d = mm.discipline;
    boolean ptl = d.kswapdTakesPtl();
    if (ptl) {
      mm.ptlLock(true);
    }
    Cell<Pte> pt = mm.pte(address);
    Pte pte = pt.get();
    if (pte == null || !pte.present()) {
      if (ptl) {
        mm.ptlUnlock(true);
      }
      return 0;
    }
    if (!pte.dirty()) {
      pt.set(null);                  // drop_pte: clean, recoverable from the page cache
      mm.rss.set(mm.rss.get() - 1);
      if (ptl) {
        mm.ptlUnlock(true);
      }
      return 0;
    }
    if (!gfpIo) {
      if (ptl) {
        mm.ptlUnlock(true);
      }
      return 0;                      // "we cannot do I/O"
    }
    VmOps ops = vma.vmOps.get();
    if (!d.vmOpsUnmapSwapout()) {
      // 2.4.0: set_page_dirty() for a file page, add_to_swap_cache() for an anonymous one;
      // either way the PTE goes (or becomes a swap entry) and the scan goes on, no I/O here.
      pt.set(pte.file() ? null : Pte.swapEntry(address, 10 + address));
      mm.rss.set(mm.rss.get() - 1);
      if (ptl) {
        mm.ptlUnlock(true);
      }
      return 0;
    }
    if (pte.file() && ops != null && ops.swapout()) {
      int offset = d.swapoutOffsetFromVma()
          ? address - vma.vmStart.get() + vma.vmOffset.get()
          : pte.page();
      Inode file = d.swapoutGetsFields() ? vma.vmFile.get() : null; // get_file(vma->vm_file)
      pt.set(null);                  // pte_clear(page_table)
      mm.rss.set(mm.rss.get() - 1);
      if (ptl) {
        mm.ptlUnlock(true);
      }
      if (!mm.swapoutUnderVmlistLock) {
        mm.vmlistAccessUnlock();
      }
      if (d.swapoutGetsFields()) {
        Filemap.swapout_fields(mm, file, ops, offset, pte.page());
      } else {
        Filemap.swapout(mm, vma, offset, pte.page());
      }
      if (mm.swapoutUnderVmlistLock) {
        mm.vmlistAccessUnlock();
      }
      return 1;
    }
    pt.set(Pte.swapEntry(address, 10 + address)); // get_swap_page(); set_pte(__pte(entry))
    mm.rss.set(mm.rss.get() - 1);
    if (ptl) {
      mm.ptlUnlock(true);
    }
    mm.vmlistAccessUnlock();
    mm.kernel.schedule("rw_swap_page(WRITE)");
    return 1;
  }
}
