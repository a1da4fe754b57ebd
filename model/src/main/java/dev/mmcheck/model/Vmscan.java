package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import java.util.List;

/**
 * The page stealer: Linux 2.2.1 {@code mm/vmscan.c} ({@code swap_out}, {@code swap_out_process},
 * {@code swap_out_vma}, {@code try_to_swap_out}; read from the linas/i370-linux-2.2.1 mirror) with
 * seed 002's 2.3.21 {@code vmlist_access_lock} sites in {@code swap_out_mm} and
 * {@code try_to_swap_out}. kswapd holds the BKL throughout ({@code do_try_to_free_pages}).
 * Simplified: one victim pass over the given mms (no swap_cnt/rss selection, no pmd/pgd loops),
 * no young-bit aging, no swap cache; {@code page_table_lock} is only taken where it is the
 * 1999-final vmlist lock.
 */
public final class Vmscan {
  private Vmscan() {}

  /**
   * {@code do_try_to_free_pages()} -> {@code swap_out()}: under {@code lock_kernel()}, try each
   * victim mm in turn until one page is freed.
   */
  public static int swap_out(Kernel kernel, List<MmStruct> victims) {
    kernel.lockKernel();
    int result = 0;
    for (MmStruct mm : victims) {
      result = swap_out_mm(mm, 0);
      if (result != 0) {
        break;
      }
    }
    kernel.unlockKernel();
    return result;
  }

  /**
   * 2.3.21 {@code swap_out_mm()} (2.2 {@code swap_out_process}): {@code vmlist_access_lock},
   * {@code find_vma}, then walk {@code vm_next} calling {@link #swap_out_vma}. When that returns
   * non-zero, {@code try_to_swap_out} has already dropped the vmlist lock (seed 002).
   */
  public static int swap_out_mm(MmStruct mm, int address) {
    mm.vmlistAccessLock();
    Vma vma = Mmap.find_vma(mm, address);
    if (vma != null) {
      int start = vma.vmStart.get();
      if (address < start) {
        address = start;
      }
      for (;;) {
        int result = swap_out_vma(mm, vma, address);
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
   * {@code address} to {@code vm_end}.
   */
  public static int swap_out_vma(MmStruct mm, Vma vma, int address) {
    if ((vma.vmFlags.get() & Vma.VM_LOCKED) != 0) {
      return 0;
    }
    int end = vma.vmEnd.get();
    for (; address < end && address < mm.pages(); address++) {
      int result = try_to_swap_out(mm, vma, address);
      if (result != 0) {
        return result;
      }
    }
    return 0;
  }

  /**
   * 2.2.1/2.3.21 {@code try_to_swap_out()}: a clean page is just dropped; a dirty page of a
   * mapping with a {@code swapout()} method is unmapped and handed to the driver, after
   * {@code vmlist_access_unlock} (seed 002); a dirty anonymous page gets a swap entry and is
   * written to swap (sleeps). Returns 1 once it may have slept ("it *must* return 1").
   *
   * <p>The page's file offset ({@code page->offset} in 2.2.1) is derived here from the VMA the
   * stealer is scanning, {@code address - vm_start + vm_offset}, while the era's vmlist lock is
   * held: this is where a stealer that "sees the new vm_start with the old vm_offset"
   * (LOCKING-HISTORY 5.3) writes a page back at the wrong file offset. 2.2.1's page cache kept
   * the offset in the page itself, so this derivation is a modelling choice, stated here.
   */
  public static int try_to_swap_out(MmStruct mm, Vma vma, int address) {
    Cell<Pte> pt = mm.pte(address);
    Pte pte = pt.get();
    if (pte == null || !pte.present()) {
      return 0;
    }
    if (!pte.dirty()) {
      pt.set(null);                  // drop_pte: clean, recoverable from the page cache
      mm.rss.set(mm.rss.get() - 1);
      return 0;
    }
    VmOps ops = vma.vmOps.get();
    if (pte.file() && ops != null && ops.swapout()) {
      int offset = address - vma.vmStart.get() + vma.vmOffset.get();
      Inode file = mm.discipline.swapoutGetsFields() ? vma.vmFile.get() : null;
      pt.set(null);                  // pte_clear(page_table)
      mm.rss.set(mm.rss.get() - 1);
      mm.vmlistAccessUnlock();
      if (mm.discipline.swapoutGetsFields()) {
        Filemap.swapout_fields(mm, file, ops, offset, pte.page());
      } else {
        Filemap.swapout(mm, vma, offset, pte.page());
      }
      return 1;
    }
    pt.set(Pte.swapEntry(address, 10 + address)); // get_swap_page(); set_pte(__pte(entry))
    mm.rss.set(mm.rss.get() - 1);
    mm.vmlistAccessUnlock();
    mm.kernel.schedule("rw_swap_page(WRITE)");
    return 1;
  }
}
