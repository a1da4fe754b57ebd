package dev.mmcheck.model.v26;

import dev.mmcheck.model.Vma;

/**
 * {@code madvise(MADV_REMOVE)} (2.6.16+, mm/madvise.c) and {@code vmtruncate_range()}
 * (mm/memory.c): punch a hole in a shared file mapping. {@code sys_madvise} takes mmap_sem for
 * write for every behaviour; {@code vmtruncate_range} takes {@code i_mutex}. The buggy order
 * mmap_sem(w) -> i_mutex inverts write()'s i_mutex -> mmap_sem; the fix (90ed52ebe481,
 * 2.6.16-stable 4879e0dfe9c9) drops mmap_sem around {@code vmtruncate_range}. Simplified:
 * {@code i_alloc_sem} and the filesystem's {@code truncate_range} are left out; the whole VMA
 * is punched.
 */
public final class Madvise {
  private Madvise() {}

  /** {@code sys_madvise(start, len, MADV_REMOVE)} on the VMA at {@code addr}. Returns 0 or -EINVAL. */
  public static int sys_madvise_remove(Mm26 mm, int addr) {
    mm.mmapSem.downWrite();
    Vma vma = mm.find_vma(addr);
    int err = -22;
    if (vma != null && vma.vmStart.get() <= addr && vma.vmFile.get() != null) {
      err = madvise_remove(mm, vma);
    }
    mm.mmapSem.upWrite();
    return err;
  }

  /** {@code madvise_remove()}: with the fix, {@code up_write}, truncate, {@code down_write}. */
  static int madvise_remove(Mm26 mm, Vma vma) {
    Inode26 file = Inode26.of(vma.vmFile.get());
    int start = vma.vmOffset.get();
    int end = start + vma.vmEnd.get() - vma.vmStart.get();
    if (mm.d.madviseRemoveDropsMmapSem()) {
      mm.mmapSem.upWrite();
      vmtruncate_range(file, start, end);
      mm.mmapSem.downWrite();
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

  /** {@code unmap_mapping_range()}: zap the PTEs of file pages {@code [start,end)} in every mapping VMA. */
  public static void unmap_mapping_range(AddressSpace mapping, int start, int end) {
    mapping.immapLock();
    for (Vma v : mapping.iMmap.get()) {
      Mm26 mm = Mm26.of(v.mm);
      int vs = v.vmStart.get();
      int ve = v.vmEnd.get();
      int off = v.vmOffset.get();
      mm.mm.pageTableLock.lock();
      for (int a = vs; a < ve; a++) {
        int pg = a - vs + off;
        if (pg >= start && pg < end && mm.pte(a).get() != null) {
          mm.pte(a).set(null);
        }
      }
      mm.mm.pageTableLock.unlock();
    }
    mapping.immapUnlock();
  }
}
