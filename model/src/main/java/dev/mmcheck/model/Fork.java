package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * fork's copy of the address space: {@code copy_mm()} -> {@code dup_mmap()} ->
 * {@code copy_page_range()}. 2.2.1 {@code do_fork} holds the parent's {@code mmap_sem} and the
 * BKL for the whole fork (per the fidelity audit); 2.4.0 and 2.4.20 {@code copy_mm} hold
 * {@code down(&oldmm->mmap_sem)} ({@code down_write} in 2.4.20) around {@code dup_mmap}. 2.4.20
 * {@code dup_mmap} links each copied VMA into the child and runs {@code copy_page_range} under
 * the child's {@code page_table_lock}, and {@code copy_page_range} takes the parent's
 * {@code page_table_lock} inside it ({@link Discipline#dupMmapNestsPtl}): one mm's lock held
 * while taking another's, what seed 002's rule 5 forbids; it has put the child on
 * {@code mmlist} first, where stealers can find it (2.4.0 adds it after {@code dup_mmap}).
 * Simplified: the child mm is built by the scenario ({@code allocate_mm} + {@code mm_init}, off
 * {@code mmlist}, unshared); no i_mmap, no {@code vm_ops->open}.
 */
public final class Fork {
  private Fork() {}

  /** {@code copy_mm()} for a non-{@code CLONE_VM} fork of {@code oldmm} into {@code child}. */
  public static void copy_mm(MmStruct oldmm, MmStruct child) {
    Discipline d = oldmm.discipline;
    oldmm.mmapDownWrite();
    if (d.syscallsTakeBkl()) {
      oldmm.kernel.lockKernel();
    }
    dup_mmap(oldmm, child);
    if (!child.onMmlist.get()) {
      child.onMmlist.set(true);      // 2.4.0: list_add(&mm->mmlist, &oldmm->mmlist) after dup_mmap
    }
    child.setUnshared(false);        // tsk->mm = mm
    if (d.syscallsTakeBkl()) {
      oldmm.kernel.unlockKernel();
    }
    oldmm.mmapUpWrite();
  }

  /**
   * {@code dup_mmap(mm)}: for every parent VMA, allocate and copy it ({@code VM_LOCKED}
   * cleared), link it at the child's tail, count it and copy its page range.
   */
  public static void dup_mmap(MmStruct oldmm, MmStruct child) {
    boolean nest = oldmm.discipline.dupMmapNestsPtl();
    if (nest) {
      child.onMmlist.set(true);      // 2.4.20: "Add it first so that swapoff can see any swap entries"
    }
    child.beginChange();
    Vma tail = null;
    for (Vma mpnt = oldmm.mmap.get(); mpnt != null; mpnt = mpnt.vmNext.get()) {
      oldmm.kernel.allocate("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
      Vma tmp = mpnt.copyFor(child, child.name() + "." + mpnt.name());
      if (nest) {
        child.pageTableLock.lock();
      }
      if (tail == null) {
        child.mmap.set(tmp);         // *pprev = tmp
      } else {
        tail.vmNext.set(tmp);
      }
      tmp.setLinked(true);
      tail = tmp;
      child.mapCount.set(child.mapCount.get() + 1);
      copy_page_range(child, oldmm, tmp, nest);
      if (nest) {
        child.pageTableLock.unlock();
      }
    }
    child.endChange();
  }

  /**
   * 2.4.20 {@code copy_page_range(dst, src, vma)}: under {@code spin_lock(&src->page_table_lock)}
   * (2.4.20 only), copy each PTE: a swap entry as it is ({@code swap_duplicate}), a present page
   * write-protected in both for a private writable (COW) mapping, made clean in the child for a
   * shared one.
   */
  static void copy_page_range(MmStruct dst, MmStruct src, Vma vma, boolean srcLock) {
    int start = vma.vmStart.get();
    int end = vma.vmEnd.get();
    int flags = vma.vmFlags.get();
    boolean cow = (flags & Vma.VM_WRITE) != 0 && (flags & Vma.VM_SHARED) == 0;
    if (srcLock) {
      src.pageTableLock.lock();
    }
    for (int a = start; a < end && a < src.pages() && a < dst.pages(); a++) {
      Cell<Pte> sp = src.pte(a);
      Pte p = sp.get();
      if (p == null) {
        continue;
      }
      Pte copy = p;
      if (p.present()) {
        if (cow && p.writable()) {
          copy = new Pte(a, true, p.page(), p.file(), false, p.dirty());
          sp.set(copy);              // ptep_set_wrprotect(src_pte)
        }
        if ((flags & Vma.VM_SHARED) != 0) {
          copy = new Pte(a, true, copy.page(), copy.file(), copy.writable(), false); // pte_mkclean
        }
        dst.rss.set(dst.rss.get() + 1);
      }
      dst.pte(a).set(copy);
    }
    if (srcLock) {
      src.pageTableLock.unlock();
    }
  }
}
