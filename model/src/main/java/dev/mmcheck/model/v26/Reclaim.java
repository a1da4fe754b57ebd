package dev.mmcheck.model.v26;

/**
 * Page reclaim of one mapped page-cache page, as 2.6.23 {@code shrink_page_list()}
 * (mm/vmscan.c) does it: {@code TestSetPageLocked} (a trylock: reclaim never sleeps on a page
 * lock), {@code try_to_unmap} -> {@code try_to_unmap_file} (i_mmap lock, then the PTE under the
 * page-table lock), {@code unlock_page}. Simplified: the page stays in the page cache (only its
 * mapping goes), which is what makes a later access fault on it again.
 */
public final class Reclaim {
  private Reclaim() {}

  /** Unmaps {@code page} from {@code mm} at {@code addr}; false if the page was locked. */
  public static boolean shrink_page(Mm26 mm, Page page, int addr) {
    if (!page.lock.trylock()) {
      return false;
    }
    page.mapping.immapLock();
    mm.pageTableLock.lock();
    Pte26 p = mm.pte(addr).get();
    if (p != null && p.page() == page) {
      mm.pte(addr).set(null);
    }
    mm.pageTableLock.unlock();
    page.mapping.immapUnlock();
    page.lock.unlock();
    return true;
  }
}
