package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Vma;

/**
 * The 2.6 page-fault path with mmap_sem held across {@code ->fault}: x86
 * {@code do_page_fault} (arch/x86/mm/fault.c), {@code handle_mm_fault} / {@code __do_fault} /
 * {@code do_anonymous_page} (mm/memory.c) and {@code filemap_fault} (mm/filemap.c, 2.6.23+),
 * with {@code FAULT_FLAG_ALLOW_RETRY} where the era has it (2.6.37, d065bd810b6d). The 2.6.37
 * code was checked against the commit description and the later code that keeps its shape
 * ({@code faultin_page}, {@code __lock_page_or_retry}); 2.6.23/2.6.37 sources themselves were
 * not available here. Simplified: no pmd/pgd walk, no write/COW faults (faults are reads or
 * writes to shared mappings), no readahead, the I/O of {@code readpage} is one sleep with the
 * page locked, {@code wait_on_page_locked} is a lock and unlock of the page.
 */
public final class Fault26 {
  /** What a fault returns to its caller. */
  public enum Result { OK, RETRY, SIGSEGV }

  /** {@code FAULT_FLAG_ALLOW_RETRY} (2.6.37). */
  public static final int FAULT_FLAG_ALLOW_RETRY = 0x08;
  /** {@code FAULT_FLAG_TRIED} (3.5, 45cac65b0fcd): a second attempt after VM_FAULT_RETRY. */
  public static final int FAULT_FLAG_TRIED = 0x40;

  private Fault26() {}

  /** A fault on user address {@code addr} (from user mode or from a kernel user copy) in the era's handler. */
  public static Result user_fault(Mm26 mm, int addr) {
    return mm.d.faultDropsMmapSem() ? SeqFault.do_page_fault(mm, addr) : do_page_fault(mm, addr);
  }

  /**
   * x86 {@code do_page_fault()} (2.6.37): {@code down_read(&mm->mmap_sem)}, {@code find_vma},
   * the access check, {@code handle_mm_fault}; on {@code VM_FAULT_RETRY} (mmap_sem already
   * released by {@code filemap_fault}) clear ALLOW_RETRY, set TRIED, {@code goto retry}: take
   * mmap_sem again and look the VMA up again. With {@code retryRelooksUpVma} false the handler
   * keeps the VMA pointer it found before dropping the lock: the bug of the fault-retry property.
   */
  public static Result do_page_fault(Mm26 mm, int addr) {
    int flags = mm.d.faultAllowRetry() ? FAULT_FLAG_ALLOW_RETRY : 0;
    mm.mmapSem.downRead();
    Vma vma = mm.find_vma(addr);
    while (true) {
      if (vma == null || vma.vmStart.get() > addr) {
        mm.mmapSem.upRead();
        return Result.SIGSEGV;                        // bad_area
      }
      Result r = handle_mm_fault(mm, vma, addr, flags);
      if (r != Result.RETRY) {
        mm.mmapSem.upRead();
        return r;
      }
      flags = (flags & ~FAULT_FLAG_ALLOW_RETRY) | FAULT_FLAG_TRIED;
      mm.mmapSem.downRead();                           // retry:
      if (mm.d.retryRelooksUpVma()) {
        vma = mm.find_vma(addr);
      }
    }
  }

  /**
   * {@code handle_mm_fault()} -> {@code handle_pte_fault()}: nothing to do if the PTE is present;
   * {@code do_anonymous_page} for an anonymous VMA; else {@code do_linear_fault} ->
   * {@link #__do_fault} at {@code pgoff = (addr - vm_start) + vm_pgoff}. Caller holds mmap_sem(r)
   * (or (w): {@code get_user_pages} under munmap/mlock). Returns RETRY with mmap_sem released.
   */
  public static Result handle_mm_fault(Mm26 mm, Vma vma, int addr, int flags) {
    Cell<Pte26> pt = mm.pte(addr);
    if (pt.get() != null) {
      return Result.OK;
    }
    Inode file = vma.vmFile.get();
    if (file == null) {
      return do_anonymous_page(mm, addr);
    }
    int pgoff = addr - vma.vmStart.get() + vma.vmOffset.get();
    return __do_fault(mm, Inode26.of(file), addr, pgoff, flags);
  }

  /** {@code do_anonymous_page()}: allocate a zeroed page (may sleep), install it under the PTL. */
  public static Result do_anonymous_page(Mm26 mm, int addr) {
    Sched.mightSleep("alloc_zeroed_user_highpage");
    install(mm, addr, mm.anonPage(addr));
    return Result.OK;
  }

  /**
   * {@code __do_fault()}: {@code vma->vm_ops->fault} returns the page locked
   * ({@code VM_FAULT_LOCKED}); install it under the page-table lock, then {@code unlock_page}.
   */
  public static Result __do_fault(Mm26 mm, Inode26 file, int addr, int pgoff, int flags) {
    Page page = vm_ops_fault(mm, file, pgoff, flags);
    if (page == null) {
      return Result.RETRY;
    }
    install(mm, addr, page);
    page.lock.unlock();
    return Result.OK;
  }

  /** {@code pte_offset_map_lock}; {@code set_pte_at} if still none; {@code pte_unmap_unlock}. */
  static void install(Mm26 mm, int addr, Page page) {
    mm.mm.pageTableLock.lock();
    Cell<Pte26> pt = mm.pte(addr);
    if (pt.get() == null) {
      pt.set(new Pte26(page, mm, addr));
    }
    mm.mm.pageTableLock.unlock();
  }

  /**
   * The file's {@code ->fault}: {@link #filemap_fault}, wrapped in {@code i_mutex} for a
   * filesystem that takes its inode lock there ({@link Inode26#faultTakesIMutex}). Returns the
   * locked page, or null for VM_FAULT_RETRY (mmap_sem released).
   */
  public static Page vm_ops_fault(Mm26 mm, Inode26 file, int pgoff, int flags) {
    if (!file.faultTakesIMutex) {
      return filemap_fault(mm, file, pgoff, flags);
    }
    file.iMutex.lock();
    Page p = filemap_fault(mm, file, pgoff, flags);
    file.iMutex.unlock();
    return p;
  }

  /**
   * {@code filemap_fault()}: {@code find_get_page}, then the page lock: 2.6.23 {@code find_lock_page}
   * sleeps on it; 2.6.37 with ALLOW_RETRY {@link #lock_page_or_retry}. A page that is not
   * uptodate is read ({@code ->readpage}, I/O with the page locked).
   */
  public static Page filemap_fault(Mm26 mm, Inode26 file, int pgoff, int flags) {
    Page page = file.mapping.page(pgoff);
    if ((flags & FAULT_FLAG_ALLOW_RETRY) != 0) {
      if (!lock_page_or_retry(mm, page)) {
        return null;
      }
    } else {
      page.lock.lock();
    }
    if (!page.uptodate.get()) {
      Sched.mightSleep("readpage I/O");
      page.uptodate.set(true);
    }
    return page;
  }

  /**
   * 2.6.37 {@code lock_page_or_retry()} / {@code __lock_page_or_retry()}: {@code trylock_page};
   * if it is locked (I/O in flight), {@code up_read(&mm->mmap_sem)}, {@code wait_on_page_locked}
   * and return 0 so the fault returns VM_FAULT_RETRY.
   */
  public static boolean lock_page_or_retry(Mm26 mm, Page page) {
    if (page.lock.trylock()) {
      return true;
    }
    mm.ghostRetryDrop();
    mm.mmapSem.upRead();
    wait_on_page_locked(page);
    return false;
  }

  /** {@code wait_on_page_locked()}: modelled as lock + unlock (the engine has no wait-for-bit). */
  public static void wait_on_page_locked(Page page) {
    page.lock.lock();
    page.lock.unlock();
  }
}
