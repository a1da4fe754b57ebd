package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Sched;
import dev.mmcheck.model.ghost.AccessWindow;
import dev.mmcheck.model.ghost.AccessWindow.Outcome;

/**
 * User accesses and the page-fault path of the part-3 model, for private anonymous memory:
 * the hardware access, the arch handler ({@code do_page_fault}: mmap_sem / the fault's range
 * for read, {@code find_vma}, the access check), {@code handle_mm_fault} ->
 * {@code handle_pte_fault} -> {@code do_anonymous_page} or {@code do_wp_page} (copy on write),
 * as in Linux 2.4.20 mm/memory.c (read in sndrzt/linux-2.4.20.lite; the 4.x code keeps this
 * shape: {@code do_anonymous_page}, {@code wp_page_copy} with {@code pte_same} under the PTL,
 * not read here). In 2.2.1 {@code handle_mm_fault} runs under the BKL and no
 * {@code page_table_lock} (as part 1 models it).
 *
 * <p>In the {@code 2017-range} era a fault locks its own page {@code [addr, addr + 1)} for
 * read: the narrowest range that covers what it changes (one PTE) and the range Dufour's
 * {@code vmf->lockrange} would carry once real ranges exist (this model's choice).
 *
 * <p>Simplified: a read fault on an absent page installs a fresh read-only page (2.4.20 maps the
 * shared zero page), no swap, no file pages, no huge pages, no {@code anon_vma}.
 */
public final class Fault17 {
  private Fault17() {}

  /**
   * A user-space access by the running thread of {@code mm} to page {@code addr}, writing
   * {@code value} if {@code write}: the hardware step (translate and access, atomic with respect
   * to PTE changes: the ghost MMU lock), a page fault when the PTE does not allow it, and the
   * retry of the instruction; ends with the fault's signal if it raises one. Opens and closes a
   * ghost {@link AccessWindow}.
   */
  public static Outcome user_access(Mm17 mm, Task17 t, int addr, boolean write, int value) {
    return user_access(mm, t, addr, write, value, Fault17::do_page_fault);
  }

  /** The arch fault handler a user access calls when the PTE does not allow it. */
  @FunctionalInterface
  public interface Handler {
    Outcome fault(Mm17 mm, Task17 t, int addr, boolean write);
  }

  /** {@link #user_access(Mm17, Task17, int, boolean, int)} with another era's fault handler. */
  public static Outcome user_access(Mm17 mm, Task17 t, int addr, boolean write, int value, Handler handler) {
    AccessWindow w = AccessWindow.open(mm, addr, write);
    while (true) {
      mm.mmu.lock();
      Pte17 pte = mm.pte(addr).get();
      if (pte != null && (!write || pte.write())) {
        if (write) {
          pte.page().data.set(value);
        } else {
          pte.page().data.get();
        }
        mm.mmu.unlock();
        return w.close(Outcome.OK);
      }
      mm.mmu.unlock();
      Outcome o = handler.fault(mm, t, addr, write);
      if (o != Outcome.OK) {
        return w.close(o);
      }
    }
  }

  /**
   * The arch {@code do_page_fault()}: the mm lock for read over the faulting page (2.2.1
   * {@code down}, 2.4.20 {@code down_read}, 2017 {@code range_read_lock}), {@code find_vma},
   * {@code bad_area} if no VMA covers the address ({@code SEGV_MAPERR}) or a write hits a VMA
   * without {@code VM_WRITE} ({@code SEGV_ACCERR}), else {@code handle_mm_fault}.
   */
  public static Outcome do_page_fault(Mm17 mm, Task17 t, int addr, boolean write) {
    mm.lock.readLock(addr, addr + 1);
    Vma17 v = Mmap17.find_vma(mm, t, addr);
    Outcome o;
    if (v == null || v.vmStart.get() > addr) {
      o = Outcome.SEGV_MAPERR;
    } else if (write && (v.vmFlags.get() & Vma17.VM_WRITE) == 0) {
      o = Outcome.SEGV_ACCERR;
    } else {
      mm.lockKernel();
      handle_mm_fault(mm, addr, write);
      mm.unlockKernel();
      o = Outcome.OK;
    }
    mm.lock.readUnlock(addr, addr + 1);
    return o;
  }

  /**
   * {@code handle_mm_fault()} -> {@code handle_pte_fault()} under {@code page_table_lock}
   * (2.4.20: "We enter with the pagetable spinlock held"): absent PTE ->
   * {@link #do_anonymous_page}; present, read-only and a write -> {@link #do_wp_page};
   * otherwise nothing (another thread already fixed it).
   */
  public static void handle_mm_fault(Mm17 mm, int addr, boolean write) {
    ptlLock(mm);
    Pte17 pte = mm.pte(addr).get();
    if (pte == null) {
      do_anonymous_page(mm, addr, write);
    } else if (write && !pte.write()) {
      do_wp_page(mm, addr, pte);
    }
    ptlUnlock(mm);
  }

  /**
   * {@code do_anonymous_page()} (2.4.20): drop the PTL, allocate a zeroed page (may sleep),
   * re-take it, and install the page unless another fault did meanwhile ({@code pte_none}
   * re-check). Entered and left with the PTL held.
   */
  static void do_anonymous_page(Mm17 mm, int addr, boolean write) {
    ptlUnlock(mm);
    Sched.mightSleep("alloc_page(GFP_HIGHUSER)");
    Page17 page = new Page17(mm.newPageName(addr), 0);
    ptlLock(mm);
    if (mm.pte(addr).get() != null) {
      page.put();
      return;
    }
    mm.setPte(addr, new Pte17(page, write));
  }

  /**
   * {@code do_wp_page()} (2.4.20): if the page has no other user ({@code can_share_swap_page}:
   * its count is 1) make the PTE writable; else take a reference, drop the PTL, allocate and copy
   * ({@code copy_cow_page}), re-take the PTL and, if the PTE is unchanged ({@code pte_same}),
   * install the copy writable and drop the old mapping's reference; finally drop the extra
   * reference ({@code page_cache_release}). Entered and left with the PTL held.
   */
  static void do_wp_page(Mm17 mm, int addr, Pte17 pte) {
    Page17 old = pte.page();
    if (old.count.get() == 1) {
      mm.setPte(addr, new Pte17(old, true));
      return;
    }
    old.get();                                        // page_cache_get(old_page)
    ptlUnlock(mm);
    Sched.mightSleep("alloc_page(GFP_HIGHUSER)");
    Page17 copy = new Page17(mm.newPageName(addr), old.data.get());
    ptlLock(mm);
    if (pte.equals(mm.pte(addr).get())) {             // pte_same
      mm.setPte(addr, new Pte17(copy, true));
      old.put();                                      // the old mapping's reference
    } else {
      copy.put();
    }
    old.put();                                        // page_cache_release(old_page)
  }

  private static void ptlLock(Mm17 mm) {
    if (mm.d.pageTableLock()) {
      mm.pageTableLock.lock();
    }
  }

  private static void ptlUnlock(Mm17 mm) {
    if (mm.d.pageTableLock()) {
      mm.pageTableLock.unlock();
    }
  }
}
