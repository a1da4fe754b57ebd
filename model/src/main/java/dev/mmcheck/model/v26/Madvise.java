package dev.mmcheck.model.v26;

/**
 * {@code madvise(MADV_REMOVE)} (mm/madvise.c, since 2.6.16) and {@code vmtruncate_range()}
 * (mm/memory.c): punch a hole in a shared writable file mapping. {@code vmtruncate_range} takes
 * {@code i_mutex}, so whatever mmap_sem hold {@code madvise_remove} keeps across it is ordered
 * before i_mutex, inverting write()'s i_mutex -> mmap_sem.
 *
 * <ul>
 *   <li>2.6.20 (github sagsango/linux-2.6.20 b4e755b6 mm/madvise.c): {@code sys_madvise}
 *       {@code down_write}s mmap_sem for every behaviour and {@code madvise_remove} returns
 *       {@code vmtruncate_range()} under it;
 *   <li>the holepunch fix (Hugh Dickins, 28 Mar 2007, Message-Id
 *       Pine.LNX.4.64.0703281552520.11726@blonde.wat.veritas.com): {@code up_write},
 *       {@code vmtruncate_range}, {@code down_write}, and {@code sys_madvise} looks the next VMA up
 *       again ({@code prev = NULL});
 *   <li>Nick Piggin's "madvise avoid exclusive mmap_sem" (12 Apr 2007, Message-Id
 *       20070412005638.GA25469@wotan.suse.de), in 2.6.24: {@code madvise_need_mmap_write()} is 0
 *       for MADV_REMOVE, so {@code down_read} and {@code up_read}/{@code down_read} around the
 *       truncate.
 * </ul>
 *
 * The two knobs are {@link Discipline26#madviseRemoveMmapSemWrite} and
 * {@link Discipline26#madviseRemoveDropsMmapSem}. Simplified: {@code i_alloc_sem}, the
 * filesystem's {@code ->truncate_range} and the second {@code unmap_mapping_range} of
 * {@code vmtruncate_range} are left out; the whole VMA is punched.
 */
public final class Madvise {
  private Madvise() {}

  /** {@code sys_madvise(start, len, MADV_REMOVE)} on the VMA at {@code addr}. Returns 0, -EINVAL or -EACCES. */
  public static int sys_madvise_remove(Mm26 mm, int addr) {
    boolean write = mm.d.madviseRemoveMmapSemWrite();
    if (write) {
      mm.mmapSem.downWrite();
    } else {
      mm.mmapSem.downRead();
    }
    Vma26 vma = mm.find_vma(addr);
    int err = -22;
    if (vma != null && vma.vmStart.get() <= addr) {
      err = madvise_remove(mm, vma, write);
    }
    unlock(mm, write);
    return err;
  }

  private static void lock(Mm26 mm, boolean write) {
    if (write) {
      mm.mmapSem.downWrite();
    } else {
      mm.mmapSem.downRead();
    }
  }

  private static void unlock(Mm26 mm, boolean write) {
    if (write) {
      mm.mmapSem.upWrite();
    } else {
      mm.mmapSem.upRead();
    }
  }

  /**
   * {@code madvise_remove()}: the checks ({@code -EINVAL} without a file, {@code -EACCES} unless
   * {@code VM_SHARED|VM_WRITE}), the file range from {@code vm_pgoff}, then, with the fix, drop
   * mmap_sem around {@code vmtruncate_range} ("vmtruncate_range needs to take i_mutex and
   * i_alloc_sem").
   */
  static int madvise_remove(Mm26 mm, Vma26 vma, boolean write) {
    Inode26 file = vma.vmFile.get();
    if (file == null) {
      return -22;
    }
    int flags = vma.vmFlags.get();
    if ((flags & (Vma26.VM_SHARED | Vma26.VM_WRITE)) != (Vma26.VM_SHARED | Vma26.VM_WRITE)) {
      return -13;
    }
    int start = vma.vmPgoff.get();
    int end = start + vma.vmEnd.get() - vma.vmStart.get();
    if (mm.d.madviseRemoveDropsMmapSem()) {
      unlock(mm, write);
      vmtruncate_range(file, start, end);
      lock(mm, write);
    } else {
      vmtruncate_range(file, start, end);
    }
    return 0;
  }

  /**
   * {@code vmtruncate_range(inode, offset, end)}: {@code mutex_lock(&inode->i_mutex)},
   * {@code unmap_mapping_range} (i_mmap lock, then each mapping VMA's PTEs under the page-table
   * lock), {@code truncate_inode_pages_range} (each page under its page lock), unlock.
   */
  public static void vmtruncate_range(Inode26 file, int start, int end) {
    file.iMutex.lock();
    unmap_mapping_range(file.mapping, start, end);
    for (int i = start; i < end && i < file.mapping.pages(); i++) {
      Page p = file.mapping.page(i);
      p.lock.lock();
      p.uptodate.set(false);                           // truncate_complete_page: the hole reads as zeroes
      p.lock.unlock();
    }
    file.iMutex.unlock();
  }

  /**
   * {@code unmap_mapping_range()}: zap the PTEs of file pages {@code [start,end)} in every VMA on
   * {@code i_mmap} ({@code vma->vm_mm}'s page-table lock); the i_mmap lock keeps those VMAs
   * allocated.
   */
  public static void unmap_mapping_range(AddressSpace mapping, int start, int end) {
    mapping.immapLock();
    for (Vma26 v : mapping.iMmap.get()) {
      Mm26 mm = v.mm;
      int vs = v.vmStart.get();
      int ve = v.vmEnd.get();
      int off = v.vmPgoff.get();
      mm.pageTableLock.lock();
      for (int a = vs; a < ve; a++) {
        int pg = a - vs + off;
        if (pg >= start && pg < end && mm.pte(a).get() != null) {
          mm.pte(a).set(null);
        }
      }
      mm.pageTableLock.unlock();
    }
    mapping.immapUnlock();
  }
}
