package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Sched;

/**
 * The 2.6 page-fault path with mmap_sem held across the file's fault method: x86
 * {@code do_page_fault} (arch/x86/mm/fault.c), {@code handle_mm_fault} / {@code __do_fault} /
 * {@code do_anonymous_page} (2.6.24 mm/memory.c, read in github
 * HelloWangDiSheng/Linux-2.6.24-LatestModified- 58d1b3e2) and {@code filemap_fault} (2.6.24
 * mm/filemap.c, same tree), or {@code filemap_nopage} (2.6.20 mm/filemap.c, github
 * sagsango/linux-2.6.20 0632daa4) where the era has {@code ->nopage}; with
 * {@code FAULT_FLAG_ALLOW_RETRY} where the era has it (2.6.37, d065bd810b6d; checked against the
 * commit description and later code of the same shape, {@code __lock_page_or_retry}; the 2.6.37
 * tree was not read). Simplified: no pmd/pgd walk, no COW (write faults are to shared mappings),
 * no readahead, no {@code i_size} check, the I/O of {@code readpage} is one sleep with the page
 * locked, {@code wait_on_page_locked} is a lock and unlock of the page; a PTE is writable iff
 * the fault was a write fault and the VMA has {@code VM_WRITE} ({@code maybe_mkwrite}; read
 * faults install read-only PTEs).
 */
public final class Fault26 {
  /** What a fault returns to its caller. */
  public enum Result { OK, RETRY, SIGSEGV }

  /** {@code FAULT_FLAG_WRITE}. */
  public static final int FAULT_FLAG_WRITE = 0x01;
  /** {@code FAULT_FLAG_ALLOW_RETRY} (2.6.37). */
  public static final int FAULT_FLAG_ALLOW_RETRY = 0x08;

  private Fault26() {}

  /**
   * x86 {@code do_page_fault()}: {@code down_read(&mm->mmap_sem)}, {@code find_vma}, the access
   * check ({@code bad_area} if not mapped, or a write to a VMA without {@code VM_WRITE}),
   * {@code handle_mm_fault}; on {@code VM_FAULT_RETRY} (mmap_sem already released by
   * {@code filemap_fault}) clear {@code FAULT_FLAG_ALLOW_RETRY} and {@code goto retry}: take
   * mmap_sem again and look the VMA up again (2.6.37). With {@code retryRelooksUpVma} false the
   * handler keeps the VMA pointer it found before dropping the lock: the mutation of the
   * fault-retry property. {@code FAULT_FLAG_TRIED} (3.5, 45cac65b0fcd) is not set: no modelled
   * era has it and nothing in the model reads it.
   */
  public static Result do_page_fault(Mm26 mm, int addr, boolean write) {
    int flags = (mm.d.faultAllowRetry() ? FAULT_FLAG_ALLOW_RETRY : 0) | (write ? FAULT_FLAG_WRITE : 0);
    mm.mmapSem.downRead();
    Vma26 vma = mm.find_vma(addr);
    while (true) {
      if (vma == null || vma.vmStart.get() > addr || (write && (vma.vmFlags.get() & Vma26.VM_WRITE) == 0)) {
        mm.mmapSem.upRead();
        return Result.SIGSEGV;                        // bad_area
      }
      Result r = handle_mm_fault(mm, vma, addr, flags);
      if (r != Result.RETRY) {
        mm.mmapSem.upRead();
        return r;
      }
      flags &= ~FAULT_FLAG_ALLOW_RETRY;
      mm.mmapSem.downRead();                           // retry:
      if (mm.d.retryRelooksUpVma()) {
        vma = mm.find_vma(addr);
      }
    }
  }

  /** A read fault on user address {@code addr} (from user mode or from a kernel user copy) in the era's handler. */
  public static Result user_fault(Mm26 mm, int addr) {
    return user_fault(mm, addr, false);
  }

  /** A fault on user address {@code addr}, a write access if {@code write}, in the era's handler. */
  public static Result user_fault(Mm26 mm, int addr, boolean write) {
    return mm.d.faultDropsMmapSem() ? SeqFault.do_page_fault(mm, addr, write) : do_page_fault(mm, addr, write);
  }

  /** A read fault through {@link #do_page_fault(Mm26, int, boolean)}. */
  public static Result do_page_fault(Mm26 mm, int addr) {
    return do_page_fault(mm, addr, false);
  }

  /**
   * {@code handle_mm_fault()} -> {@code handle_pte_fault()}: nothing to do if the PTE is present;
   * {@code do_anonymous_page} for an anonymous VMA; else {@code do_linear_fault} ->
   * {@link #__do_fault} at {@code pgoff = (addr - vm_start) + vm_pgoff}. Caller holds mmap_sem(r)
   * (or (w): {@code get_user_pages} under munmap/mlock). Returns RETRY with mmap_sem released.
   */
  public static Result handle_mm_fault(Mm26 mm, Vma26 vma, int addr, int flags) {
    Cell<Pte26> pt = mm.pte(addr);
    if (pt.get() != null) {
      return Result.OK;
    }
    Inode26 file = vma.vmFile.get();
    if (file == null) {
      return do_anonymous_page(mm, vma, addr, flags);
    }
    int pgoff = addr - vma.vmStart.get() + vma.vmPgoff.get();
    return __do_fault(mm, vma, addr, pgoff, flags);
  }

  /**
   * {@code do_anonymous_page()}: allocate a zeroed page (may sleep), build the PTE from the VMA
   * ({@code mk_pte(page, vma->vm_page_prot)}, {@code maybe_mkwrite}), install it under the PTL.
   * {@code anon_vma_prepare} is not modelled (no {@code anon_vma}).
   */
  public static Result do_anonymous_page(Mm26 mm, Vma26 vma, int addr, int flags) {
    Sched.mightSleep("alloc_zeroed_user_highpage");
    install(mm, addr, mm.anonPage(addr), writable(vma.vmFlags.get(), flags));
    return Result.OK;
  }

  /**
   * {@code __do_fault()}: the file's fault method with the VMA ({@code vma->vm_ops->fault(vma,
   * &vmf)}, or the legacy {@code ->nopage}); the page is (made) locked, the PTE built from the
   * VMA is installed under the page-table lock if still none, then {@code unlock_page}. Under
   * 2.6.20's {@code do_no_page} the page is installed unlocked.
   */
  public static Result __do_fault(Mm26 mm, Vma26 vma, int addr, int pgoff, int flags) {
    Page page = vm_ops_fault(vma, pgoff, flags);
    if (page == null) {
      return Result.RETRY;
    }
    install(mm, addr, page, writable(vma.vmFlags.get(), flags));
    if (mm.d.faultLocksPage()) {
      page.lock.unlock();
    }
    return Result.OK;
  }

  /** {@code maybe_mkwrite}: writable only for a write fault to a {@code VM_WRITE} VMA. */
  static boolean writable(int vmFlags, int faultFlags) {
    return (faultFlags & FAULT_FLAG_WRITE) != 0 && (vmFlags & Vma26.VM_WRITE) != 0;
  }

  /** {@code pte_offset_map_lock}; {@code set_pte_at} if still none; {@code pte_unmap_unlock}. */
  static void install(Mm26 mm, int addr, Page page, boolean writable) {
    mm.pageTableLock.lock();
    Cell<Pte26> pt = mm.pte(addr);
    if (pt.get() == null) {
      pt.set(new Pte26(page, writable, mm, addr));
    }
    mm.pageTableLock.unlock();
  }

  /**
   * The file's fault method, given the VMA: {@code vma->vm_file} is read first (2.6.24
   * {@code filemap_fault} starts with {@code struct file *file = vma->vm_file}); then
   * {@link #filemap_fault} (2.6.23+) or {@link #filemap_nopage} (2.6.20), wrapped in
   * {@code i_mutex} for a hypothetical filesystem that takes its inode lock there
   * ({@link Inode26#faultTakesIMutex}). Returns the page (locked where the era's method returns it
   * locked), or null for VM_FAULT_RETRY (mmap_sem released).
   */
  public static Page vm_ops_fault(Vma26 vma, int pgoff, int flags) {
    Inode26 file = vma.vmFile.get();
    Mm26 mm = vma.mm;
    if (!file.faultTakesIMutex) {
      return fault_method(mm, file, pgoff, flags);
    }
    file.iMutex.lock();
    Page p = fault_method(mm, file, pgoff, flags);
    file.iMutex.unlock();
    return p;
  }

  private static Page fault_method(Mm26 mm, Inode26 file, int pgoff, int flags) {
    return mm.d.faultLocksPage() ? filemap_fault(mm, file, pgoff, flags) : filemap_nopage(file, pgoff);
  }

  /**
   * {@code filemap_fault()} (2.6.24): {@code find_lock_page} sleeps on the page lock; 2.6.37 with
   * ALLOW_RETRY {@link #lock_page_or_retry}. A page that is not uptodate is read
   * ({@code ->readpage}, I/O with the page locked). Returns the page locked
   * ({@code VM_FAULT_LOCKED}). {@code mm} is {@code vma->vm_mm}, read before any drop.
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
   * 2.6.20 {@code filemap_nopage()}: {@code find_get_page}; an uptodate page is returned
   * unlocked; otherwise {@code lock_page}, {@code ->readpage} (I/O with the page locked; the I/O
   * completion unlocks it) and {@code wait_on_page_locked}.
   */
  public static Page filemap_nopage(Inode26 file, int pgoff) {
    Page page = file.mapping.page(pgoff);
    if (!page.uptodate.get()) {
      page.lock.lock();
      if (!page.uptodate.get()) {
        Sched.mightSleep("readpage I/O");
        page.uptodate.set(true);
      }
      page.lock.unlock();
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
