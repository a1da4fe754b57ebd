package dev.mmcheck.model;

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
   * destructive scenario").
   */
  public static boolean expand_stack(Vma vma, int addr) {
    MmStruct mm = vma.mm;
    mm.beginChange();
    int grow = vma.vmStart.get() - addr;
    vma.vmOffset.set(vma.vmOffset.get() - grow);
    vma.vmStart.set(addr);
    mm.totalVm.set(mm.totalVm.get() + grow);
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
   * Linux 2.2 {@code merge_segments(mm, start_addr, end_addr)}: merge neighbours in the range
   * that are contiguous in address and file offset and have the same flags, file and ops; the
   * second one is unlinked and freed. Callers hold {@code vmlist_modify_lock} in 1999 eras.
   * Simplified: no {@code vm_ops->close} call on the merged VMA and no i_mmap update.
   */
  public static void merge_segments(MmStruct mm, int startAddr, int endAddr) {
    Vma prev = find_vma(mm, startAddr);
    if (prev == null) {
      return;
    }
    Vma mpnt = prev.vmNext.get();
    while (mpnt != null && prev.vmStart.get() < endAddr) {
      Vma next = mpnt.vmNext.get();
      boolean mergeable = prev.vmEnd.get().equals(mpnt.vmStart.get())
          && prev.vmFlags.get().equals(mpnt.vmFlags.get())
          && prev.vmFile.get() == mpnt.vmFile.get()
          && prev.vmOps.get() == mpnt.vmOps.get()
          && (mpnt.vmFile.get() == null
              || prev.vmOffset.get() + prev.vmEnd.get() - prev.vmStart.get() == mpnt.vmOffset.get());
      if (!mergeable) {
        prev = mpnt;
        mpnt = next;
        continue;
      }
      prev.vmNext.set(next);
      prev.vmEnd.set(mpnt.vmEnd.get());
      mpnt.setLinked(false);
      mm.mapCount.set(mm.mapCount.get() - 1);
      if (mm.mmapCache.get() == mpnt) {
        mm.mmapCache.set(prev);
      }
      mpnt.free();
      mpnt = next;
    }
  }

  /**
   * {@code sys_munmap()}: {@code down(&mm->mmap_sem)} unless the era is 1998 (seed 000: "munmap(),
   * where a vma can be released and mmap_sem isn't taken"), then {@link #do_munmap}.
   */
  public static void sys_munmap(MmStruct mm, int addr, int len) {
    boolean sem = mm.discipline.syscallsTakeMmapSem();
    if (sem) {
      mm.mmapSem.down();
    }
    do_munmap(mm, addr, len);
    if (sem) {
      mm.mmapSem.up();
    }
  }

  /**
   * Linux 2.3.20/2.3.21 {@code do_munmap(addr, len)} (seed 002 mm/mmap.c hunks): unlink every
   * VMA overlapping {@code [addr, addr+len)} onto a private free list (under
   * {@code vmlist_modify_lock} in the 1999-patch eras, where also {@code mmap_cache = NULL}
   * moved inside), then for each: {@code lock_kernel()} (the kswapd interlock), zap its pages,
   * {@link #unmap_fixup} it, {@code unlock_kernel()}. Simplified: no {@code vm_ops->unmap}, no
   * {@code free_pgtables}, no RLIMIT/extra-VMA preallocation.
   */
  public static void do_munmap(MmStruct mm, int addr, int len) {
    Discipline d = mm.discipline;
    mm.beginChange();
    int end = addr + len;
    Vma prev = null;
    Vma mpnt = mm.mmap.get();
    while (mpnt != null && mpnt.vmEnd.get() <= addr) {
      prev = mpnt;
      mpnt = mpnt.vmNext.get();
    }
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
      mpnt.vmNext.set(freeHead);     // mpnt->vm_next = free; free = mpnt
      freeHead = mpnt;
      mpnt.setLinked(false);
      free.add(0, mpnt);
      mpnt = next;
    }
    if (d.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);        // "Kill the cache." inside the lock (seed 002)
    }
    mm.vmlistModifyUnlock();
    for (Vma v : free) {
      int st = Math.max(addr, v.vmStart.get());
      int en = Math.min(end, v.vmEnd.get());
      if (d.bklInterlock()) {
        mm.kernel.lockKernel();      // "interlocks with kswapd try_to_swap_out" (seed 002)
      }
      mm.mapCount.set(mm.mapCount.get() - 1);
      Memory.zap_page_range(mm, st, en - st);
      unmap_fixup(mm, v, st, en - st);
      if (d.bklInterlock()) {
        mm.kernel.unlockKernel();
      }
    }
    if (!d.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);        // 2.3.20: at the very end
    }
    mm.endChange();
  }

  /**
   * Linux 2.3.21 {@code unmap_fixup(area, addr, len)} (seed 002): the whole area goes
   * ({@code vm_ops->close}, {@code kmem_cache_free}); otherwise the remaining end or beginning is
   * trimmed and re-inserted under {@code vmlist_modify_lock}; unmapping a hole allocates a VMA
   * for the end part (copied field by field, {@code vm_offset} advanced, {@code vm_ops->open}),
   * truncates the area to the beginning and inserts both, as in the 2.3.21 diff.
   */
  public static void unmap_fixup(MmStruct mm, Vma area, int addr, int len) {
    int end = addr + len;
    int aStart = area.vmStart.get();
    int aEnd = area.vmEnd.get();
    if (addr == aStart && end == aEnd) {
      VmOps ops = area.vmOps.get();
      if (ops != null && ops.openClose()) {
        area.access();               // area->vm_ops->close(area)
      }
      area.free();                   // kmem_cache_free(vm_area_cachep, area)
      return;
    }
    if (addr > aStart && end < aEnd) {
      // Unmapping a hole: area->vm_start < addr <= end < area->vm_end. Add end mapping.
      Vma mpnt = Split.allocCopy(area, area.name() + "'");
      mpnt.vmStart.set(end);
      mpnt.vmOffset.set(mpnt.vmOffset.get() + (end - aStart));
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
  }

  /**
   * Linux 2.3.21 {@code exit_mmap(mm)} (seed 002): detach the whole list under
   * {@code vmlist_modify_lock} (clearing {@code mmap_cache} there), then close, zap and free
   * every VMA. In 2.3.20 {@code mmap_cache = NULL} came at the very end.
   */
  public static void exit_mmap(MmStruct mm) {
    mm.beginChange();
    Vma mpnt = mm.mmap.get();
    mm.vmlistModifyLock();
    mm.mmap.set(null);
    if (mm.discipline.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);
    }
    mm.vmlistModifyUnlock();
    mm.rss.set(0);
    mm.totalVm.set(0);
    mm.lockedVm.set(0);
    while (mpnt != null) {
      Vma next = mpnt.vmNext.get();
      mpnt.setLinked(false);
      VmOps ops = mpnt.vmOps.get();
      if (ops != null && ops.openClose()) {
        mpnt.access();               // vm_ops->close
      }
      mm.mapCount.set(mm.mapCount.get() - 1);
      Memory.zap_page_range(mm, mpnt.vmStart.get(), mpnt.vmEnd.get() - mpnt.vmStart.get());
      mpnt.free();
      mpnt = next;
    }
    if (!mm.discipline.munmapClearsCacheInsideLock()) {
      mm.mmapCache.set(null);
    }
    mm.endChange();
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
