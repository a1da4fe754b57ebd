package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * The VMA-list functions of Linux 2.2/2.3 {@code mm/mmap.c}, with the vmlist lock sites of seed
 * 002 where the era has them. Addresses and lengths are in pages. The AVL tree is not modelled
 * (2.2 uses it only when {@code map_count} is large), so lookups walk the list.
 */
public final class Mmap {
  private Mmap() {}

  /**
   * Linux 2.2 {@code find_vma(mm, addr)}: the first VMA with {@code addr < vm_end}, trying the
   * {@code mmap_cache} hint first and updating it racily (seed 002 caveat 1: "that is okay, since
   * it is a hint"). The caller must hold what its era requires (rule 3); this function takes no
   * lock itself.
   */
  public static Vma find_vma(MmStruct mm, int addr) {
    Vma vma = mm.mmapCache.get();
    if (vma != null && vma.vmEnd.get() > addr && vma.vmStart.get() <= addr) {
      return vma;
    }
    for (vma = mm.mmap.get(); vma != null; vma = vma.vmNext.get()) {
      if (vma.vmEnd.get() > addr) {
        break;
      }
    }
    if (vma != null) {
      mm.mmapCache.set(vma);
    }
    return vma;
  }

  /**
   * Linux 2.2 {@code find_extend_vma()} (kernel/ptrace.c callers): find_vma, and grow a stack
   * VMA down to {@code addr} if needed.
   */
  public static Vma find_extend_vma(MmStruct mm, int addr) {
    Vma vma = find_vma(mm, addr);
    if (vma == null) {
      return null;
    }
    if (vma.vmStart.get() <= addr) {
      return vma;
    }
    if ((vma.vmFlags.get() & Vma.VM_GROWSDOWN) == 0) {
      return null;
    }
    return expand_stack(vma, addr) ? vma : null;
  }

  /**
   * Linux 2.2 include/linux/mm.h {@code expand_stack()}: {@code vm_offset -= grow;
   * vm_start = address;} with no vmlist lock, as seed 002 leaves it ("hard to come up with a
   * destructive scenario"). 2.4.20 takes {@code page_table_lock} around it, and calls it from a
   * fault holding {@code mmap_sem} only for read.
   */
  public static boolean expand_stack(Vma vma, int addr) {
    MmStruct mm = vma.mm;
    boolean ptl = mm.discipline.mmapSemRw();
    mm.beginChange();
    if (ptl) {
      mm.pageTableLock.lock();
    }
    int grow = vma.vmStart.get() - addr;
    vma.vmOffset.set(vma.vmOffset.get() - grow);
    vma.vmStart.set(addr);
    mm.totalVm.set(mm.totalVm.get() + grow);
    if (ptl) {
      mm.pageTableLock.unlock();
    }
    mm.endChange();
    return true;
  }

  /**
   * Linux 2.2 {@code insert_vm_struct(mm, vmp)}: link {@code vmp} into the sorted list and count
   * it. Callers hold {@code vmlist_modify_lock} in the 1999 eras (seed 002).
   */
  public static void insert_vm_struct(MmStruct mm, Vma vmp) {
    int start = vmp.vmStart.get();
    Vma prev = null;
    Vma next = mm.mmap.get();
    while (next != null && next.vmStart.get() < start) {
      prev = next;
      next = next.vmNext.get();
    }
    vmp.vmNext.set(next);
    if (prev == null) {
      mm.mmap.set(vmp);
    } else {
      prev.vmNext.set(vmp);
    }
    vmp.setLinked(true);
    mm.mapCount.set(mm.mapCount.get() + 1);
  }

  /** Setup only: {@link #insert_vm_struct} (setup code has no scheduling points). */
  public static void link_initial(MmStruct mm, Vma vmp) {
    insert_vm_struct(mm, vmp);
  }

  /**
   * Linux 2.2.1 {@code find_vma_prev(mm, addr, &prev)} (list branch): the first VMA with
   * {@code addr < vm_end} and, in {@code prev[0]}, the one before it (or null).
   */
  public static Vma find_vma_prev(MmStruct mm, int addr, Vma[] prev) {
    Vma p = null;
    Vma vma = mm.mmap.get();
    while (vma != null && vma.vmEnd.get() <= addr) {
      p = vma;
      vma = vma.vmNext.get();
    }
    prev[0] = p;
    return vma;
  }

  /**
   * Linux 2.2.1 / 2.3.21 {@code merge_segments(mm, start_addr, end_addr)}: starting at the VMA
   * before {@code start_addr} ({@code find_vma_prev}), merge neighbours that are contiguous in
   * address and file offset and have the same flags, file and ops; the second one is unlinked
   * ({@code prev->vm_next = mpnt->vm_next}), emptied and given to {@code vm_ops->close}, counted
   * out and freed; then {@code mm->mmap_cache = NULL}. Seed 002 moves the cache kill before the
   * loop and drops {@code vmlist_modify_lock} around {@code close} (rule 4: methods may sleep);
   * callers hold the vmlist lock in those eras. Simplified: no AVL, no i_mmap
   * ({@code remove_shared_vm_struct}), no {@code fput}.
   */
  public static void merge_segments(MmStruct mm, int startAddr, int endAddr) {
    boolean killFirst = mm.discipline.munmapClearsCacheInsideLock();
    Vma[] p1 = new Vma[1];
    Vma mpnt = find_vma_prev(mm, startAddr, p1);
    if (mpnt == null) {
      return;
    }
    Vma prev;
    if (p1[0] != null) {
      prev = p1[0];
    } else {
      prev = mpnt;
      mpnt = mpnt.vmNext.get();
    }
    if (killFirst) {
      mm.mmapCache.set(null);        // "Kill the cache." before the loop (seed 002)
    }
    while (mpnt != null && prev.vmStart.get() < endAddr) {
      Vma next = mpnt.vmNext.get();
      Inode file = mpnt.vmFile.get();
      VmOps ops = mpnt.vmOps.get();
      boolean same = file == prev.vmFile.get() && ops == prev.vmOps.get()
          && mpnt.vmFlags.get().equals(prev.vmFlags.get()) && prev.vmEnd.get().equals(mpnt.vmStart.get());
      if (same && file != null) {
        int off = prev.vmOffset.get() + prev.vmEnd.get() - prev.vmStart.get();
        same = off == mpnt.vmOffset.get();
      }
      if (!same) {
        prev = mpnt;
        mpnt = next;
        continue;
      }
      prev.vmEnd.set(mpnt.vmEnd.get());
      prev.vmNext.set(mpnt.vmNext.get());
      mpnt.setLinked(false);
      if (ops != null && ops.openClose()) {
        mpnt.vmOffset.set(mpnt.vmOffset.get() + mpnt.vmEnd.get() - mpnt.vmStart.get());
        mpnt.vmStart.set(mpnt.vmEnd.get());
        mm.vmlistModifyUnlock();     // seed 002: not held into a driver method
        mpnt.access();               // mpnt->vm_ops->close(mpnt)
        mm.vmlistModifyLock();
      }
      mm.mapCount.set(mm.mapCount.get() - 1);
      mpnt.free();                   // kmem_cache_free(vm_area_cachep, mpnt)
      mpnt = next;                   // mpnt = prev; then the loop's prev = mpnt, mpnt = next
    }
    if (!killFirst) {
      mm.mmapCache.set(null);        // 2.2.1 / 2.3.21: at the end
    }
  }

  /**
   * {@code sys_munmap()}: 2.2.1 {@code down(&mm->mmap_sem); lock_kernel(); do_munmap();
   * unlock_kernel(); up();}; an early 2.1 {@code lock_kernel()} only (seed 000: "munmap(),
   * where a vma can be released and mmap_sem isn't taken"); 2.3.21 and 2.4.0 {@code mmap_sem}
   * only ({@code down_write} in 2.4.20).
   */
  public static void sys_munmap(MmStruct mm, int addr, int len) {
    Discipline d = mm.discipline;
    if (d.syscallsTakeMmapSem()) {
      mm.mmapDownWrite();
    }
    if (d.syscallsTakeBkl()) {
      mm.kernel.lockKernel();
    }
    do_munmap(mm, addr, len);
    if (d.syscallsTakeBkl()) {
      mm.kernel.unlockKernel();
    }
    if (d.syscallsTakeMmapSem()) {
      mm.mmapUpWrite();
    }
  }

  /**
   * Linux 2.2.1 / 2.3.21 / 2.4.0 {@code do_munmap(addr, len)}: {@code find_vma_prev}; the spare
   * VMA {@code extra} is allocated first ("the last chance for an easy error exit"); every VMA
   * overlapping {@code [addr, addr+len)} is unlinked onto a private free list
   * ({@code mpnt->vm_next = free}; under {@code vmlist_modify_lock} in the 1999-patch eras and
   * {@code page_table_lock} in 2.4.0, which also moved {@code mm->mmap_cache = NULL} inside);
   * then for each, newest first: {@code lock_kernel()} where the era interlocks with kswapd
   * (2.3.21: "The lock_kernel interlocks with kswapd try_to_swap_out"), {@code vm_ops->unmap}
   * ({@link Filemap#filemap_unmap}, which may sleep), {@code map_count--},
   * {@code zap_page_range}, {@link #unmap_fixup} (which frees the VMA or re-inserts what is left),
   * {@code unlock_kernel()}; the unused {@code extra} is freed; 2.2.1/2.3.21 clear the cache at the
   * very end. Not modelled: {@code remove_shared_vm_struct} (no i_mmap lists in part 1),
   * {@code free_pgtables} (page tables are fixed cells here), AVL, {@code VM_DENYWRITE}.
   */
  public static void do_munmap(MmStruct mm, int addr, int len) {
    Discipline d = mm.discipline;
    mm.beginChange();
    int end = addr + len;
    Vma[] pp = new Vma[1];
    Vma mpnt = find_vma_prev(mm, addr, pp);
    Vma prev = pp[0];
    if (mpnt == null || mpnt.vmStart.get() >= end) {
      mm.endChange();
      return;
    }
    mm.kernel.allocate("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
    Vma extra = new Vma(mpnt.name() + "'", mm, 0, 0, 0, 0, 0, null, null);
    List<Vma> free = new ArrayList<>();
    Vma freeHead = null;
    mm.vmlistModifyLock();
    while (mpnt != null && mpnt.vmStart.get() < end) {
      Vma next = mpnt.vmNext.get();
      if (prev == null) {
        mm.mmap.set(next);           // *npp = mpnt->vm_next
      } else {
        prev.vmNext.set(next);
      }
      mpnt.setLinked(false);
      mpnt.vmNext.set(freeHead);     // mpnt->vm_next = free; free = mpnt
      freeHead = mpnt;
      free.add(0, mpnt);
      mpnt = next;
    }
    if (d.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);        // "Kill the cache." inside the lock (seed 002, 2.4.0)
    }
    mm.vmlistModifyUnlock();
    for (Vma v : free) {
      int st = Math.max(addr, v.vmStart.get());
      int en = Math.min(end, v.vmEnd.get());
      if (d.bklInterlock()) {
        mm.kernel.lockKernel();      // "interlocks with kswapd try_to_swap_out" (seed 002)
      }
      VmOps ops = v.vmOps.get();
      if (ops != null && ops.unmap() && d.vmOpsUnmapSwapout()) {
        Filemap.filemap_unmap(mm, v, st, en - st);
      }
      mm.mapCount.set(mm.mapCount.get() - 1);
      Memory.zap_page_range(mm, st, en - st);
      extra = unmap_fixup(mm, v, st, en - st, extra);
      if (d.bklInterlock()) {
        mm.kernel.unlockKernel();
      }
    }
    if (extra != null) {
      extra.free();                  // "Release the extra vma struct if it wasn't used"
    }
    if (!d.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);        // 2.2.1 / 2.3.21: at the very end
    }
    mm.endChange();
  }

  /**
   * Linux 2.2.1 / 2.3.21 {@code unmap_fixup(area, addr, len, &extra)} (seed 002 hunk): counts
   * {@code total_vm}/{@code locked_vm} down; the whole area goes ({@code vm_ops->close},
   * {@code kmem_cache_free}); otherwise the remaining end or beginning is trimmed and
   * re-inserted under {@code vmlist_modify_lock}; unmapping a hole fills the pre-allocated
   * {@code extra} field by field for the end part ({@code vm_offset} advanced,
   * {@code vm_ops->open}), truncates the area and inserts both. Returns {@code extra} if it
   * was not used, else null.
   */
  public static Vma unmap_fixup(MmStruct mm, Vma area, int addr, int len, Vma extra) {
    int end = addr + len;
    mm.totalVm.set(mm.totalVm.get() - len);
    int flags = area.vmFlags.get();
    if ((flags & Vma.VM_LOCKED) != 0) {
      mm.lockedVm.set(mm.lockedVm.get() - len);
    }
    int aStart = area.vmStart.get();
    int aEnd = area.vmEnd.get();
    if (addr == aStart && end == aEnd) {
      VmOps ops = area.vmOps.get();
      if (ops != null && ops.openClose()) {
        area.access();               // area->vm_ops->close(area)
      }
      area.free();                   // kmem_cache_free(vm_area_cachep, area)
      return extra;
    }
    if (addr > aStart && end < aEnd) {
      // Unmapping a hole: area->vm_start < addr <= end < area->vm_end. Add end mapping.
      Vma mpnt = extra;
      extra = null;
      mpnt.vmStart.set(end);
      mpnt.vmEnd.set(aEnd);
      mpnt.vmPageProt.set(area.vmPageProt.get());
      mpnt.vmFlags.set(flags);
      mpnt.vmOps.set(area.vmOps.get());
      mpnt.vmOffset.set(area.vmOffset.get() + (end - aStart));
      mpnt.vmFile.set(area.vmFile.get());
      Split.open(mpnt);
      area.vmEnd.set(addr);          // truncate area
      mm.vmlistModifyLock();
      insert_vm_struct(mm, mpnt);
    } else if (end == aEnd) {
      area.vmEnd.set(addr);
      mm.vmlistModifyLock();
    } else {
      area.vmOffset.set(area.vmOffset.get() + (end - aStart));
      area.vmStart.set(end);
      mm.vmlistModifyLock();
    }
    insert_vm_struct(mm, area);      // counts it again: do_munmap decremented map_count
    mm.vmlistModifyUnlock();
    return extra;
  }

  /**
   * {@code exit_mmap(mm)}: detach the whole list ({@code mm->mmap = mm->mmap_avl =
   * mm->mmap_cache = NULL}, under {@code vmlist_modify_lock} in seed 002, {@code page_table_lock}
   * in 2.4.0), zero the counters, then for every VMA {@code vm_ops->unmap}, {@code close},
   * {@code map_count--}, zap and free (2.2.1 mm/mmap.c; 2.4.0 drops the {@code unmap} call).
   */
  public static void exit_mmap(MmStruct mm) {
    mm.beginChange();
    Vma mpnt = mm.mmap.get();
    mm.vmlistModifyLock();
    mm.mmap.set(null);
    for (Vma v = mpnt; v != null; v = v.vmNext.peek()) {
      v.setLinked(false);            // ghost: the whole list is detached now
    }
    mm.mmapCache.set(null);
    mm.vmlistModifyUnlock();
    mm.rss.set(0);
    mm.totalVm.set(0);
    mm.lockedVm.set(0);
    while (mpnt != null) {
      Vma next = mpnt.vmNext.get();
      int start = mpnt.vmStart.get();
      int end = mpnt.vmEnd.get();
      VmOps ops = mpnt.vmOps.get();
      if (ops != null && ops.unmap() && mm.discipline.vmOpsUnmapSwapout()) {
        Filemap.filemap_unmap(mm, mpnt, start, end - start);
      }
      if (ops != null && ops.openClose()) {
        mpnt.access();               // vm_ops->close
      }
      mm.mapCount.set(mm.mapCount.get() - 1);
      Memory.zap_page_range(mm, start, end - start);
      mpnt.free();
      mpnt = next;
    }
    mm.endChange();
  }

  /**
   * {@code mmput(mm)} (2.3.21 kernel/fork.c; 2.4.0 the same under {@code mmlist_lock}): drop a
   * user; the last one tears the address space down ({@link #exit_mmap}) and drops the
   * users' reference to the struct ({@link #mmdrop}). {@code atomic_dec_and_test} is one atomic
   * step ({@code Cell.fetchAdd}).
   */
  public static void mmput(MmStruct mm) {
    if (mm.mmUsers.fetchAdd(-1) == 1) {
      exit_mmap(mm);
      mmdrop(mm);
    }
  }

  /** {@code atomic_inc(&mm->mm_count)}: pin the struct (seed 002's stealer). */
  public static void mmgrab(MmStruct mm) {
    mm.mmCount.fetchAdd(1);
  }

  /** {@code mmdrop(mm)}: the last reference frees the mm ({@code __mmdrop}: {@code free_mm}). */
  public static void mmdrop(MmStruct mm) {
    if (mm.mmCount.fetchAdd(-1) == 1) {
      mm.free();
    }
  }

  /**
   * A task's exit: 2.2.1 / 2.4.0 {@code do_exit} runs under {@code lock_kernel()} and calls
   * {@code __exit_mm}: {@code tsk->mm = NULL} (the task no longer leads a stealer to the mm),
   * then {@code mmput(mm)}.
   */
  public static void do_exit(Kernel kernel, Cell<MmStruct> tskMm) {
    kernel.lockKernel();
    kernel.tasklistLock.lock();
    MmStruct mm = tskMm.get();
    tskMm.set(null);                 // tsk->mm = NULL
    kernel.tasklistLock.unlock();
    mmput(mm);
    kernel.unlockKernel();
  }

  /**
   * Part 2 (2.6 {@code detach_vmas_to_be_unmapped} for one VMA): unlink {@code vma} from the
   * list ({@code prev->vm_next = vma->vm_next}) and count it out. The caller holds mmap_sem(w).
   */
  public static void unlink_vma(MmStruct mm, Vma vma) {
    Vma prev = null;
    Vma v = mm.mmap.get();
    while (v != vma) {
      prev = v;
      v = v.vmNext.get();
    }
    Vma next = vma.vmNext.get();
    if (prev == null) {
      mm.mmap.set(next);
    } else {
      prev.vmNext.set(next);
    }
    vma.setLinked(false);
    mm.mapCount.set(mm.mapCount.get() - 1);
  }
}
