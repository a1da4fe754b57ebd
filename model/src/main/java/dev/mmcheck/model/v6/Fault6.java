package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Sched;
import java.util.ArrayList;
import java.util.List;

/**
 * The 6.x page-fault path for anonymous memory: x86 {@code do_user_addr_fault}
 * (arch/x86/mm/fault.c), {@code lock_vma_under_rcu} (mm/memory.c 6.4, mm/mmap_lock.c 6.15),
 * {@code lock_mm_and_find_vma} (mm/mmap_lock.c, 6.5 / 6.1.37 / 6.4.1), and mm/memory.c
 * {@code handle_mm_fault} -> {@code do_anonymous_page} / {@code do_wp_page} with
 * {@code anon_vma_prepare} / {@code __anon_vma_prepare} / {@code find_mergeable_anon_vma}
 * (mm/rmap.c, mm/mmap.c) and 6.15's {@code vmf_anon_prepare}.
 *
 * <pre>
 * do_user_addr_fault (6.4+):
 *   vma = lock_vma_under_rcu(mm, addr)          RCU walk, vma_start_read, re-checks
 *   if vma: fault = handle_mm_fault(vma, FAULT_FLAG_VMA_LOCK); vma_end_read unless RETRY; done unless RETRY
 *   lock_mmap:
 *     fixed  (stackExpandUnderWriteLock): vma = lock_mm_and_find_vma(mm, addr)   (expands under mmap write)
 *     buggy: mmap_read_lock; vma = find_vma; if vm_start > addr: VM_GROWSDOWN ? expand_stack : bad_area
 *   handle_mm_fault(vma, 0); mmap_read_unlock
 * </pre>
 *
 * Read: the 6.15/6.17 mm/mmap_lock.c ({@code lock_vma_under_rcu}, {@code lock_mm_and_find_vma}),
 * the 6.4 {@code lock_vma_under_rcu} in the diff of 657b5146955e, {@code vmf_anon_prepare}
 * (Matthew Wilcox, "mm: handle anonymous faults under the VMA lock" and its follow-ups), the
 * StackRot write-up's {@code do_user_addr_fault} excerpt. Not read: the full 6.1/6.4
 * {@code do_user_addr_fault} and {@code do_wp_page}; the shapes below follow those sources.
 * Simplified: every VMA is anonymous (the 6.4 {@code vma_is_anonymous} check is left out),
 * no userfaultfd, swap, THP or NUMA-balancing paths; {@code wp_page_reuse} when the map count is
 * 1, else {@code wp_page_copy}; page allocation never fails; retries re-enter the handler once
 * per {@code VM_FAULT_RETRY}; the user access after the fault is {@link #user_write}.
 */
public final class Fault6 {
  /** A fault's outcome. */
  public enum Result { OK, RETRY, SIGSEGV }

  private Fault6() {}

  /**
   * The user store {@code *addr = value} from a thread of {@code mm}: the MMU reads the PTE (a TLB
   * fill); if it is present and writable the store lands in its page, else the fault handler
   * runs and the access is retried. The PTE read and the store are two steps: a PTE
   * write-protected in between does not stop the store (the TLB keeps the old entry until the
   * flush at the end of the write-protecting operation). Returns false on SIGSEGV.
   */
  public static boolean user_write(Mm6 mm, int addr, int value, FaultRecord rec) {
    while (true) {
      Pte6 pte = mm.pte(addr).get();
      if (pte != null && pte.writable()) {
        pte.page().data.set(value);
        return true;
      }
      if (do_user_addr_fault(mm, addr, true, rec) == Result.SIGSEGV) {
        return false;
      }
    }
  }

  /** x86 {@code do_user_addr_fault()} (6.1 / 6.4 / 6.15 shapes, see the class comment). */
  public static Result do_user_addr_fault(Mm6 mm, int addr, boolean write, FaultRecord rec) {
    if (rec != null) {
      rec.addr.set(addr);
    }
    if (mm.k.era.perVmaLocks()) {
      Vma6 vma = lock_vma_under_rcu(mm, addr);
      if (vma != null) {
        if (access_error(vma, write)) {
          PerVmaLock.vma_end_read(vma);                   // goto lock_mmap: decided under the mmap lock
        } else {
          Result r = handle_mm_fault(mm, vma, addr, write, true);
          if (r != Result.RETRY) {
            PerVmaLock.vma_end_read(vma);
            return done(rec, r);
          }
          // VM_FAULT_RETRY: the VMA lock was released by the handler; fall back
        }
      }
    }
    Vma6 vma;
    if (mm.k.d.stackExpandUnderWriteLock()) {
      vma = lock_mm_and_find_vma(mm, addr);
      if (vma == null) {
        return done(rec, Result.SIGSEGV);                 // bad_area_nosemaphore
      }
    } else {
      mm.mmap_read_lock();
      vma = mm.mt.find_vma(addr);
      if (vma == null) {
        mm.mmap_read_unlock();
        return done(rec, Result.SIGSEGV);
      }
      if (vma.vmStart.get() > addr) {
        if ((vma.vmFlags.get() & Vma6.VM_GROWSDOWN) == 0 || Mmap6.expand_stack(mm, vma, addr) != 0) {
          mm.mmap_read_unlock();
          return done(rec, Result.SIGSEGV);
        }
      }
    }
    if (access_error(vma, write)) {
      mm.mmap_read_unlock();
      return done(rec, Result.SIGSEGV);
    }
    Result r = handle_mm_fault(mm, vma, addr, write, false);
    mm.mmap_read_unlock();
    return done(rec, r == Result.RETRY ? Result.OK : r);
  }

  private static Result done(FaultRecord rec, Result r) {
    if (rec != null && r == Result.SIGSEGV) {
      rec.result.set("SIGSEGV");
    }
    return r;
  }

  /** {@code access_error()}: a write to a VMA without VM_WRITE. */
  static boolean access_error(Vma6 vma, boolean write) {
    return write && (vma.vmFlags.get() & Vma6.VM_WRITE) == 0;
  }

  /**
   * {@code lock_vma_under_rcu(mm, addr)}: the era's shape (6.4: mm/memory.c as in 657b5146955e's
   * context, knobs {@code anonVmaCheckUnderVmaLock} and {@code detachedCheckFirst}; 6.15:
   * mm/mmap_lock.c, knobs {@code vmaStartReadGrabsMm} / {@code vmaLockChecksMm}). Returns the
   * VMA read-locked, or null (fall back to the mmap lock). A VMA found detached makes the lookup
   * start over; the model waits until the tree's root changes for that retry (the writer that
   * detached it removes it from the tree next), instead of spinning on the unchanged tree.
   */
  public static Vma6 lock_vma_under_rcu(Mm6 mm, int addr) {
    Kernel6 k = mm.k;
    k.rcu.readLock();
    MapleNode seen = null;
    while (true) {
      if (seen != null) {
        MapleNode from = seen;
        mm.mt.root.awaitUntil(n -> n != from);         // goto retry (a new walk sees the store)
      }
      MaState mas = new MaState(mm.mt, addr);
      Vma6 vma = mm.mt.mas_walk(mas);
      if (vma == null) {
        k.rcu.readUnlock();
        return null;
      }
      seen = mas.node();
      if (k.era.refcountedVmaLock()) {
        PerVmaLock.ReadLock r = PerVmaLock.vma_start_read_6_15(mm, vma);
        if (r == PerVmaLock.ReadLock.EAGAIN) {
          continue;                                   // the area was replaced with another one
        }
        if (r == PerVmaLock.ReadLock.FAILED) {
          k.rcu.readUnlock();
          return null;
        }
        boolean wrongMm = !k.d.vmaStartReadGrabsMm() && k.d.vmaLockChecksMm() && vma.vmMm.get() != mm;
        if (wrongMm || addr < vma.vmStart.get() || addr >= vma.vmEnd.get()) {
          PerVmaLock.vma_end_read(vma);
          k.rcu.readUnlock();
          return null;
        }
        k.rcu.readUnlock();
        return vma;
      }
      // 6.4
      if (!k.d.anonVmaCheckUnderVmaLock() && vma.anonVma.get() == null) {
        k.rcu.readUnlock();                           // find_mergeable_anon_vma uses adjacent vmas
        return null;
      }
      if (!PerVmaLock.vma_start_read_6_4(mm, vma)) {
        k.rcu.readUnlock();
        return null;
      }
      if (k.d.anonVmaCheckUnderVmaLock() && vma.anonVma.get() == null) {
        return invalEndRead(k, vma);
      }
      if (k.d.detachedCheckFirst()) {
        if (vma.detached.get()) {
          PerVmaLock.vma_end_read(vma);
          continue;
        }
        if (addr < vma.vmStart.get() || addr >= vma.vmEnd.get()) {
          return invalEndRead(k, vma);
        }
      } else {
        if (addr < vma.vmStart.get() || addr >= vma.vmEnd.get()) {
          return invalEndRead(k, vma);
        }
        if (vma.detached.get()) {
          PerVmaLock.vma_end_read(vma);
          continue;
        }
      }
      k.rcu.readUnlock();
      return vma;
    }
  }

  private static Vma6 invalEndRead(Kernel6 k, Vma6 vma) {
    PerVmaLock.vma_end_read(vma);
    k.rcu.readUnlock();
    return null;
  }

  /**
   * {@code lock_mm_and_find_vma(mm, addr, regs)} (mm/mmap_lock.c, read at 00c010e130e5): mmap
   * read lock and {@code find_vma}; a stack below the address is expanded only after dropping
   * the read lock and taking the write lock ({@code upgrade_mmap_lock_carefully}), re-looking the
   * VMA up, then {@code mmap_write_downgrade}. Returns with mmap_lock held for read, or null
   * with it released.
   */
  public static Vma6 lock_mm_and_find_vma(Mm6 mm, int addr) {
    mm.mmap_read_lock();                              // get_mmap_lock_carefully
    Vma6 vma = mm.mt.find_vma(addr);
    if (vma != null && vma.vmStart.get() <= addr) {
      return vma;
    }
    if (vma == null || (vma.vmFlags.get() & Vma6.VM_GROWSDOWN) == 0) {
      mm.mmap_read_unlock();
      return null;
    }
    mm.mmap_read_unlock();                            // upgrade_mmap_lock_carefully
    mm.mmap_write_lock();
    vma = mm.mt.find_vma(addr);
    if (vma == null) {
      mm.mmap_write_unlock();
      return null;
    }
    if (vma.vmStart.get() > addr) {
      if ((vma.vmFlags.get() & Vma6.VM_GROWSDOWN) == 0 || Mmap6.expand_stack_locked(mm, vma, addr) != 0) {
        mm.mmap_write_unlock();
        return null;
      }
    }
    mm.mmap_write_downgrade();
    return vma;
  }

  /**
   * {@code handle_mm_fault()} -> {@code handle_pte_fault()}: the PTE as read without the lock
   * ({@code vmf->orig_pte}); none: {@code do_anonymous_page}; a write to a read-only PTE:
   * {@code do_wp_page}. {@code vmaLocked}: {@code FAULT_FLAG_VMA_LOCK}.
   */
  public static Result handle_mm_fault(Mm6 mm, Vma6 vma, int addr, boolean write, boolean vmaLocked) {
    Pte6 pte = mm.pte(addr).get();
    if (pte == null) {
      return do_anonymous_page(mm, vma, addr, write, vmaLocked);
    }
    if (write && !pte.writable()) {
      return do_wp_page(mm, vma, addr);
    }
    return Result.OK;
  }

  /**
   * {@code do_anonymous_page()}: the anon_vma ({@code anon_vma_prepare}; 6.15 under the VMA
   * lock: {@code vmf_anon_prepare}, which needs an {@code mmap_read_trylock} and otherwise
   * returns VM_FAULT_RETRY after {@code vma_end_read}), a new page on the VMA's policy node
   * with {@code folio->mapping = vma->anon_vma} ({@code folio_add_new_anon_rmap}), installed
   * under the PTE lock if the PTE is still none.
   */
  public static Result do_anonymous_page(Mm6 mm, Vma6 vma, int addr, boolean write, boolean vmaLocked) {
    if (mm.k.era.refcountedVmaLock() && vmaLocked) {
      if (vma.anonVma.get() == null) {                // __vmf_anon_prepare
        if (!mm.mmap_read_trylock()) {
          PerVmaLock.vma_end_read(vma);
          return Result.RETRY;
        }
        __anon_vma_prepare(mm, vma);
        mm.mmap_read_unlock();
      }
    } else {
      anon_vma_prepare(mm, vma);
    }
    int node = vma.vmPolicy.get();
    Page6 page = new Page6(mm.name() + ".page" + addr + "." + Sched.threadName(), 0, vma.anonVma.get(), node);
    mm.pageTableLock.lock();
    Cell<Pte6> pt = mm.pte(addr);
    if (pt.get() == null) {
      pt.set(new Pte6(page, write));
    }
    mm.pageTableLock.unlock();
    return Result.OK;
  }

  /**
   * {@code do_wp_page()}: under the PTE lock, a page mapped once is made writable
   * ({@code wp_page_reuse}); a shared one is copied ({@code wp_page_copy}: {@code anon_vma_prepare},
   * a new page with the old contents, installed if the PTE did not change meanwhile).
   */
  public static Result do_wp_page(Mm6 mm, Vma6 vma, int addr) {
    mm.pageTableLock.lock();
    Cell<Pte6> pt = mm.pte(addr);
    Pte6 pte = pt.get();
    if (pte == null || pte.writable()) {
      mm.pageTableLock.unlock();
      return Result.OK;
    }
    Page6 old = pte.page();
    if (old.mapcount.get() == 1) {
      pt.set(new Pte6(old, true));
      mm.pageTableLock.unlock();
      return Result.OK;
    }
    mm.pageTableLock.unlock();
    anon_vma_prepare(mm, vma);
    int data = old.data.get();                        // __wp_page_copy_user
    Page6 copy = new Page6(mm.name() + ".page" + addr + "'." + Sched.threadName(), data, vma.anonVma.get(),
        vma.vmPolicy.get());
    mm.pageTableLock.lock();
    if (pt.get() == pte) {
      pt.set(new Pte6(copy, true));
      old.mapcount.fetchAdd(-1);
    }
    mm.pageTableLock.unlock();
    return Result.OK;
  }

  /** {@code anon_vma_prepare(vma)}: nothing to do if the VMA has one, else {@link #__anon_vma_prepare}. */
  public static void anon_vma_prepare(Mm6 mm, Vma6 vma) {
    if (vma.anonVma.get() != null) {
      return;
    }
    __anon_vma_prepare(mm, vma);
  }

  /**
   * {@code __anon_vma_prepare(vma)} (mm/rmap.c): an anon_vma of a mergeable neighbour
   * ({@code find_mergeable_anon_vma}) or a new one, then under {@code anon_vma_lock_write} and
   * {@code page_table_lock}: if {@code vma->anon_vma} is still NULL, link it
   * ({@code anon_vma_chain_link}) and set it.
   */
  public static void __anon_vma_prepare(Mm6 mm, Vma6 vma) {
    AnonVma6 av = find_mergeable_anon_vma(mm, vma);
    if (av == null) {
      av = new AnonVma6("av." + vma.name());
    }
    av.rwsem.downWrite();
    mm.pageTableLock.lock();
    if (vma.anonVma.get() == null) {
      List<AnonVma6> chain = new ArrayList<>(vma.anonVmaChain.get());
      chain.add(av);
      vma.anonVmaChain.set(List.copyOf(chain));
      vma.anonVma.set(av);
    }
    mm.pageTableLock.unlock();
    av.rwsem.upWrite();
  }

  /**
   * {@code find_mergeable_anon_vma(vma)} (mm/mmap.c 6.4): walks the tree at {@code vma->vm_end}
   * (no RCU, no lock of the neighbour: the caller's mmap lock is what keeps it alive) and reuses
   * the next VMA's anon_vma if it is adjacent, compatible and has a single chain entry
   * ({@code reusable_anon_vma}). Simplified: the previous neighbour is not tried.
   */
  static AnonVma6 find_mergeable_anon_vma(Mm6 mm, Vma6 vma) {
    int end = vma.vmEnd.get();
    if (end >= MapleTree.MAX) {
      return null;
    }
    Vma6 next = mm.mt.mas_walk(new MaState(mm.mt, end));
    if (next == null) {
      return null;
    }
    if (next.vmStart.get() != end || next.vmFlags.get() != vma.vmFlags.get()) {   // anon_vma_compatible
      return null;
    }
    AnonVma6 av = next.anonVma.get();
    return av != null && next.anonVmaChain.get().size() == 1 ? av : null;
  }

  /**
   * A NUMA-hinting fault that migrates the page under the VMA lock: {@code do_numa_page} ->
   * {@code migrate_misplaced_folio}, whose rmap walk takes the anon_vma lock for read while the
   * fault still holds the VMA read lock (the order "VMA lock before anon_vma" that
   * eeff9a5d47f8 names as the page-fault order). [The exact 6.4 path through
   * {@code rmap_walk_anon} was not read; it stands for any fault path taking an rmap lock under
   * the VMA lock.] Falls back to doing nothing when the VMA cannot be locked.
   */
  public static void numa_hint_fault(Mm6 mm, int addr) {
    Vma6 vma = lock_vma_under_rcu(mm, addr);
    if (vma == null) {
      return;
    }
    AnonVma6 av = vma.anonVma.get();
    av.rwsem.downRead();                              // rmap_walk_anon: anon_vma_lock_read
    mm.pageTableLock.lock();
    Pte6 pte = mm.pte(addr).get();
    if (pte != null) {
      pte.page().node.set(1);                         // the folio moved to the faulting node
    }
    mm.pageTableLock.unlock();
    av.rwsem.upRead();
    PerVmaLock.vma_end_read(vma);
  }
}
