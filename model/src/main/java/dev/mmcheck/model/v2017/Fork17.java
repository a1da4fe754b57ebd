package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.model.ghost.ForkWindow;

/**
 * {@code fork()} of a process whose other threads keep running: {@code do_fork} ->
 * {@code copy_mm} -> {@code dup_mmap} -> {@code copy_page_range}, per era:
 *
 * <ul>
 *   <li>2.2.1 (kernel/fork.c, 2.2-era file read in the code index): {@code do_fork} takes
 *       {@code down(&current->mm->mmap_sem)} then {@code lock_kernel()} and holds both to the
 *       end; {@code dup_mmap} allocates each copy ({@code kmem_cache_alloc(SLAB_KERNEL)}, may
 *       sleep), {@code *tmp = *mpnt}, {@code copy_page_range}, then links it; no
 *       {@code page_table_lock}.
 *   <li>2.4.20 (kernel/fork.c and mm/memory.c of sndrzt/linux-2.4.20.lite): {@code copy_mm}
 *       brackets {@code dup_mmap} with {@code down_write(&oldmm->mmap_sem)}; for each VMA
 *       {@code dup_mmap} takes {@code spin_lock(&mm->page_table_lock)} (the child's), links the
 *       copy ("link in first so that swapoff can see swap entries"), calls
 *       {@code copy_page_range(mm, current->mm, tmp)}, which takes the parent's
 *       {@code page_table_lock} around the PTE loop: the child -> parent nesting of seed 002's
 *       rule 5 that the fidelity audit found missing. COW: a writable PTE of a private writable
 *       mapping is write-protected in the parent and copied read-only with {@code get_page}.
 *       {@code flush_tlb_mm(current->mm)} at the end (implicit in the model, see {@link Mm17}).
 *   <li>2017-range (Dufour, "[RFC 4/4] Change mmap_sem to range lock", kernel/fork.c hunk):
 *       {@code range_write_lock_interruptible(&oldmm->mmap_rw_tree, &oldrange)} on the full
 *       range, then {@code range_write_lock(&mm->mmap_rw_tree, &range)} on the child's full
 *       range; otherwise as 2.4.20. {@code mm.dupLock} replaces the parent's lock by a read lock,
 *       a per-VMA sub-range lock or nothing (seed 003: "dup_mmap() locks the oldmm in write mode
 *       when copying it, is it necessary?").
 * </ul>
 *
 * A ghost {@link ForkWindow} is open from the system call's entry (after the child mm is
 * allocated) to its return. The child never runs in the modelled scenarios before the window
 * closes (it is not yet on a run queue). Simplified: no {@code anon_vma}, no files, no
 * {@code mmlist}, no {@code VM_DONTCOPY}/{@code VM_LOCKED} flags.
 */
public final class Fork17 {
  private Fork17() {}

  /** {@code fork()} of {@code parent} by its thread {@code t}; returns the child's mm. */
  public static Mm17 do_fork(Mm17 parent, Task17 t, String childName) {
    Discipline17 d = parent.d;
    Mm17 child = new Mm17(childName, d, parent.pages(), parent.bkl);
    ForkWindow w = ForkWindow.open(parent, child);
    if (d.bkl()) {
      parent.lock.writeLock(0, RangeLock.FULL_END);   // 2.2.1: down(&current->mm->mmap_sem)
      parent.lockKernel();
      dup_mmap(child, parent, Discipline17.DupLock.NONE);
      parent.unlockKernel();
      parent.lock.writeUnlock(0, RangeLock.FULL_END);
    } else {
      copy_mm(child, parent, d.dupLock());
    }
    w.close();
    return child;
  }

  /**
   * {@code copy_mm()}: the parent's mm lock as {@code dupLock} says around {@code dup_mmap}
   * ({@link Discipline17.DupLock#SUBRANGE} locks inside the loop), and (range lock only) the
   * child's full range for write, as Dufour's hunk does.
   */
  static void copy_mm(Mm17 child, Mm17 parent, Discipline17.DupLock dupLock) {
    switch (dupLock) {
      case WRITE -> parent.lock.writeLock(0, RangeLock.FULL_END);
      case READ -> parent.lock.readLock(0, RangeLock.FULL_END);
      case SUBRANGE, NONE -> { }
    }
    boolean childLock = parent.d.mmLock() == MmLock.Kind.RANGE;
    if (childLock) {
      child.lock.writeLock(0, RangeLock.FULL_END);
    }
    dup_mmap(child, parent, dupLock);
    if (childLock) {
      child.lock.writeUnlock(0, RangeLock.FULL_END);
    }
    switch (dupLock) {
      case WRITE -> parent.lock.writeUnlock(0, RangeLock.FULL_END);
      case READ -> parent.lock.readUnlock(0, RangeLock.FULL_END);
      case SUBRANGE, NONE -> { }
    }
  }

  /**
   * {@code dup_mmap()}: walk the parent's list; per VMA allocate the copy, copy its fields,
   * link it into the child's list and copy its PTEs (under the child's PTL where the era takes
   * it). With {@link Discipline17.DupLock#SUBRANGE} each parent VMA's {@code [vm_start, vm_end)}
   * is write-locked while it is copied, its bounds read before locking, and {@code vm_next} read
   * before the range is released.
   */
  static void dup_mmap(Mm17 child, Mm17 parent, Discipline17.DupLock dupLock) {
    boolean ptl = parent.d.pageTableLock();
    Vma17 last = null;
    int n = 0;
    for (Vma17 mpnt = parent.mmap.get(); mpnt != null; ) {
      int ls = 0;
      int le = 0;
      if (dupLock == Discipline17.DupLock.SUBRANGE) {
        ls = mpnt.vmStart.get();
        le = mpnt.vmEnd.get();
        parent.lock.writeLock(ls, le);
      }
      Sched.mightSleep("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
      int s = mpnt.vmStart.get();                    // *tmp = *mpnt
      int e = mpnt.vmEnd.get();
      int f = mpnt.vmFlags.get();
      Vma17 tmp = new Vma17(child.name() + ".vma" + (n++), child, s, e, f, null);
      if (ptl) {
        child.pageTableLock.lock();
      }
      if (last == null) {                             // *pprev = tmp
        child.mmap.set(tmp);
      } else {
        last.vmNext.set(tmp);
      }
      copy_page_range(child, parent, s, e, f);
      if (ptl) {
        child.pageTableLock.unlock();
      }
      last = tmp;
      Vma17 next = mpnt.vmNext.get();
      if (dupLock == Discipline17.DupLock.SUBRANGE) {
        parent.lock.writeUnlock(ls, le);
      }
      mpnt = next;
    }
  }

  /**
   * {@code copy_page_range(dst, src, vma)} (2.4.20 mm/memory.c): the caller holds the child's
   * PTL; take the parent's around the PTE loop; for each present PTE of a COW mapping that is
   * writable, {@code ptep_set_wrprotect} the parent's, then {@code get_page} and give the child
   * the same (read-only) PTE.
   */
  static void copy_page_range(Mm17 dst, Mm17 src, int start, int end, int flags) {
    boolean ptl = src.d.pageTableLock();
    boolean cow = (flags & (Vma17.VM_SHARED | Vma17.VM_MAYWRITE)) == Vma17.VM_MAYWRITE;
    if (ptl) {
      src.pageTableLock.lock();
    }
    for (int a = start; a < end; a++) {
      Pte17 pte = src.pte(a).get();
      if (pte == null) {
        continue;
      }
      if (cow && pte.write()) {
        pte = pte.wrprotect();
        src.setPte(a, pte);
      }
      pte.page().get();
      dst.setPte(a, pte);
    }
    if (ptl) {
      src.pageTableLock.unlock();
    }
  }
}
