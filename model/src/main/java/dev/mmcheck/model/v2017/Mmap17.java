package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Sched;
import dev.mmcheck.model.ghost.LayoutOp;

/**
 * The VMA list and the layout system calls of the part-3 model: {@code find_vma} (mm/mmap.c:
 * the vmacache, then the tree; the list here), linking and unlinking ({@code __vma_link_list},
 * {@code __vma_unlink_common} / {@code detach_vmas_to_be_unmapped} with
 * {@code vmacache_invalidate}), {@code munmap}, {@code mmap} into a hole and {@code mprotect},
 * whole VMAs only (no split, no merge; the 2018 paths split, see
 * {@code dev.mmcheck.model.v2018}). Shapes from 2.4.20 mm/mmap.c and mm/mprotect.c as read in
 * sndrzt/linux-2.4.20.lite and the 4.14-era {@code do_munmap} read in the code index; the range
 * each system call locks in the {@code 2017-range} era is its own {@code [start, end)}.
 *
 * <p>With a VMA list lock ({@link Discipline17.ListLock#RWLOCK}) every walk holds it for read and
 * every link/unlink for write, and a VMA is freed only after the lock is dropped, as in Dufour's
 * {@code mm_rb_lock} patch (where {@code __vma_rb_erase} is bracketed by
 * {@code mm_rb_write_lock}/{@code mm_rb_write_unlock} and the free comes later).
 */
public final class Mmap17 {
  private Mmap17() {}

  /**
   * {@code find_vma(mm, addr)}: the first VMA with {@code addr < vm_end}, or null. Consults the
   * running task's vmacache where the discipline says, walks the list under the list lock if
   * there is one, and caches what it found.
   */
  public static Vma17 find_vma(Mm17 mm, Task17 t, int addr) {
    Discipline17.Vmacache cache = mm.d.vmacache();
    if (cache == Discipline17.Vmacache.OUTSIDE) {
      Vma17 hit = Vmacache17.find(mm, t, addr);
      if (hit != null) {
        return hit;
      }
    }
    mm.listReadLock();
    if (cache == Discipline17.Vmacache.INSIDE) {
      Vma17 hit = Vmacache17.find(mm, t, addr);
      if (hit != null) {
        mm.listReadUnlock();
        return hit;
      }
    }
    Vma17 found = null;
    for (Vma17 v = mm.mmap.get(); v != null; v = v.vmNext.get()) {
      if (addr < v.vmEnd.get()) {
        found = v;
        break;
      }
    }
    if (found != null && cache != Discipline17.Vmacache.NONE) {
      Vmacache17.update(t, addr, found);
    }
    mm.listReadUnlock();
    return found;
  }

  /**
   * Unlinks {@code v} (whose predecessor is {@code prev}, or null for the head): one write of the
   * predecessor's link, the ghost mark, {@code vmacache_invalidate}. The caller holds the list
   * lock for write.
   */
  public static void unlink(Mm17 mm, Vma17 prev, Vma17 v) {
    Vma17 next = v.vmNext.get();
    if (prev == null) {
      mm.mmap.set(next);
    } else {
      prev.vmNext.set(next);
    }
    v.markUnlinked(Sched.threadName());
    if (mm.d.vmacache() != Discipline17.Vmacache.NONE) {
      Vmacache17.invalidate(mm);
    }
  }

  /**
   * {@code zap_page_range(mm, start, end - start)} (2.4.20 mm/memory.c: under
   * {@code page_table_lock} where the era takes it): clears every present PTE and drops the
   * page's reference.
   */
  public static void zap_page_range(Mm17 mm, int start, int end) {
    boolean ptl = mm.d.pageTableLock();
    if (ptl) {
      mm.pageTableLock.lock();
    }
    for (int a = start; a < end; a++) {
      Pte17 pte = mm.pte(a).get();
      if (pte != null) {
        mm.setPte(a, null);
        pte.page().put();
      }
    }
    if (ptl) {
      mm.pageTableLock.unlock();
    }
  }

  /**
   * {@code sys_munmap(start, end - start)} of a whole VMA: the era's mm lock for write over
   * {@code [start, end)} (and the BKL in 2.2.1), then {@link #do_munmap}.
   */
  public static void sys_munmap(Mm17 mm, Task17 t, int start, int end) {
    LayoutOp op = LayoutOp.open(mm, start, end, LayoutOp.Kind.UNMAP);
    mm.lock.writeLock(start, end);
    mm.lockKernel();
    do_munmap(mm, t, start, end);
    mm.unlockKernel();
    mm.lock.writeUnlock(start, end);
    op.close();
  }

  /**
   * {@code do_munmap}: find the VMA (and its predecessor) under the list lock, unlink it and
   * invalidate the vmacache there, then, with the list lock dropped, {@code unmap_region} (zap
   * its pages) and {@code remove_vma} (free it). Only a VMA that is exactly {@code [start, end)}
   * is removed (the scenarios never split here).
   */
  public static void do_munmap(Mm17 mm, Task17 t, int start, int end) {
    mm.listWriteLock();
    Vma17 prev = null;
    Vma17 v = mm.mmap.get();
    while (v != null && v.vmEnd.get() <= start) {
      prev = v;
      v = v.vmNext.get();
    }
    if (v == null || v.vmStart.get() != start || v.vmEnd.get() != end) {
      mm.listWriteUnlock();
      Sched.check(v == null || v.vmStart.peek() >= end, "part-3 do_munmap removes whole VMAs only");
      return;
    }
    unlink(mm, prev, v);
    mm.listWriteUnlock();
    zap_page_range(mm, start, end);
    v.free();                                       // remove_vma: kmem_cache_free
  }

  /**
   * {@code mmap(start, end - start, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS)} into a
   * hole: allocate the VMA (may sleep), then under the mm lock for write over the range and the
   * list lock find the predecessor and publish the new VMA with one write (its {@code vm_next}
   * is set first), as {@code __vma_link_list} does.
   */
  public static Vma17 sys_mmap(Mm17 mm, Task17 t, String name, int start, int end) {
    LayoutOp op = LayoutOp.open(mm, start, end, LayoutOp.Kind.MAP);
    mm.lock.writeLock(start, end);
    mm.lockKernel();
    Sched.mightSleep("kmem_cache_alloc(vm_area_cachep, GFP_KERNEL)");
    Vma17 v = new Vma17(name, mm, start, end, Vma17.ANON_RW, null);
    mm.listWriteLock();
    Vma17 prev = null;
    Vma17 next = mm.mmap.get();
    while (next != null && next.vmEnd.get() <= start) {
      prev = next;
      next = next.vmNext.get();
    }
    v.vmNext.set(next);
    if (prev == null) {
      mm.mmap.set(v);
    } else {
      prev.vmNext.set(v);
    }
    mm.listWriteUnlock();
    mm.unlockKernel();
    mm.lock.writeUnlock(start, end);
    op.close();
    return v;
  }

  /**
   * {@code sys_mprotect(start, end - start, PROT_READ)} of a whole VMA ({@code mprotect_fixup}
   * without split, {@code change_protection} write-protecting its PTEs under
   * {@code page_table_lock}), under the mm lock for write over {@code [start, end)}.
   */
  public static void sys_mprotect_readonly(Mm17 mm, Task17 t, int start, int end) {
    LayoutOp op = LayoutOp.open(mm, start, end, LayoutOp.Kind.PROTECT);
    mm.lock.writeLock(start, end);
    mm.lockKernel();
    Vma17 v = find_vma(mm, t, start);
    if (v != null && v.vmStart.get() == start && v.vmEnd.get() == end) {
      v.vmFlags.set(v.vmFlags.get() & ~Vma17.VM_WRITE);
      boolean ptl = mm.d.pageTableLock();
      if (ptl) {
        mm.pageTableLock.lock();
      }
      for (int a = start; a < end; a++) {
        Pte17 pte = mm.pte(a).get();
        if (pte != null && pte.write()) {
          mm.setPte(a, pte.wrprotect());
        }
      }
      if (ptl) {
        mm.pageTableLock.unlock();
      }
    }
    mm.unlockKernel();
    mm.lock.writeUnlock(start, end);
    op.close();
  }
}
