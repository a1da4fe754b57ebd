package dev.mmcheck.model.v2018;

import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.model.ghost.LayoutOp;
import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.Mmap17;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code munmap} and {@code mmap(MAP_FIXED)} of a large range with the seed-004 disciplines
 * ({@link Discipline18}), on the part-3 mm ({@link Mm17}, 4.16 locking: {@code mmap_sem} an
 * rw_semaphore).
 *
 * <ul>
 *   <li>Unmarked ({@link Discipline18.Mark#NONE}): Yang Shi's RFC 1/8 {@code do_munmap}: if the
 *       range is larger than a section, call {@code do_munmap_range} (the old whole
 *       {@code do_munmap}: split, detach, {@code unmap_region}, {@code remove_vma}) section by
 *       section and, unless {@code atomic}, {@code up_write; cond_resched(); down_write} between
 *       sections. The RFC drops only "if mmap_sem is contended ... and need_resched()"; the
 *       model always drops, which explores every interleaving a contended drop allows.
 *   <li>Marked ({@link Discipline18.Mark#DELETED} / {@link Discipline18.Mark#LOCKED}): Matthew
 *       Wilcox's second scheme of 21 Mar 2018 ("Take the mmap_sem for write / Mark all VMAs in
 *       the range as deleted &amp; modify any partial VMAs / Drop mmap_sem / zap pages from deleted
 *       VMAs"), plus what removing the VMAs needs: re-take mmap_sem for write, unlink and free
 *       them (MAP_FIXED then inserts the new VMA) and, for locked VMAs, {@code complete_all} the
 *       completion the faults wait on. The zap runs section by section under
 *       {@code page_table_lock} only.
 * </ul>
 *
 * Sections are {@link #SECTION} pages (the RFC's {@code HPAGE_PUD_SIZE}). The caller holds
 * {@code mmap_sem} for write on entry and exit. Simplified: anonymous VMAs only, no
 * {@code free_pgtables}, no accounting, the split is {@code __split_vma(new_below = 0)}: the
 * original VMA keeps the lower part, a struct copy ({@code *new = *vma}, so its marks too) the
 * upper part.
 */
public final class Munmap18 {
  /** Pages per section. */
  public static final int SECTION = 2;

  private Munmap18() {}

  /** {@code vm_munmap(start, len)}: the RFC passes {@code atomic = false}. */
  public static void sys_munmap(Mm17 mm, Task17 t, Discipline18 d, int start, int end) {
    LayoutOp op = LayoutOp.open(mm, start, end, LayoutOp.Kind.UNMAP);
    mm.lock.writeLock(start, end);
    unmap(mm, t, d, start, end, false, null);
    mm.lock.writeUnlock(start, end);
    op.close();
  }

  /**
   * {@code mmap(start, len, ..., MAP_FIXED | MAP_PRIVATE | MAP_ANONYMOUS)} over a mapping:
   * {@code mmap_region}'s "Clear old maps" ({@code do_munmap(..., atomic)}, atomic as
   * {@link Discipline18#mapFixedAtomic}) then {@code vma_link} of the new VMA, all under
   * {@code mmap_sem(w)}; marked disciplines insert the new VMA before the waiters are woken.
   */
  public static Vma17 sys_mmap_fixed(Mm17 mm, Task17 t, Discipline18 d, String name, int start, int end) {
    LayoutOp op = LayoutOp.open(mm, start, end, LayoutOp.Kind.REPLACE);
    mm.lock.writeLock(start, end);
    Sched.mightSleep("kmem_cache_alloc(vm_area_cachep, GFP_KERNEL)");
    Vma17 nv = new Vma17(name, mm, start, end, Vma17.ANON_RW, null);
    unmap(mm, t, d, start, end, d.mapFixedAtomic(), nv);
    mm.lock.writeUnlock(start, end);
    op.close();
    return nv;
  }

  /** Removes {@code [start, end)} (and inserts {@code replacement} if not null). */
  static void unmap(Mm17 mm, Task17 t, Discipline18 d, int start, int end, boolean atomic, Vma17 replacement) {
    if (d.mark() == Discipline18.Mark.NONE) {
      do_munmap(mm, d, start, end, atomic);
      if (replacement != null) {
        link(mm, replacement);
      }
    } else {
      unmapMarked(mm, d, start, end, replacement);
    }
  }

  /** Yang Shi's {@code do_munmap(mm, start, len, uf, atomic)}. */
  static void do_munmap(Mm17 mm, Discipline18 d, int start, int end, boolean atomic) {
    if (!d.sectioned() || end - start <= SECTION) {
      do_munmap_range(mm, start, end);
      return;
    }
    for (int s = start; s < end; s += SECTION) {
      int e = Math.min(s + SECTION, end);
      do_munmap_range(mm, s, e);
      if (!atomic && e < end) {
        mm.lock.writeUnlock(start, end);             // up_write(&mm->mmap_sem); cond_resched();
        mm.lock.writeLock(start, end);               // down_write(&mm->mmap_sem);
      }
    }
  }

  /**
   * The RFC's {@code do_munmap_range} (the 4.16 {@code do_munmap}): split the VMAs straddling
   * {@code start} and {@code end}, then detach every VMA inside (unlink), zap its pages and free
   * it.
   */
  static void do_munmap_range(Mm17 mm, int start, int end) {
    splitAt(mm, start);
    splitAt(mm, end);
    for (Vma17 v : inside(mm, start, end)) {
      removeVma(mm, v);
    }
  }

  /** Wilcox's marked unmap (see the class comment). */
  static void unmapMarked(Mm17 mm, Discipline18 d, int start, int end, Vma17 replacement) {
    int mark = d.mark() == Discipline18.Mark.DELETED ? Vma17.DELETED : Vma17.LOCKED;
    Completion done = mark == Vma17.LOCKED ? new Completion(mm.name() + ".unmap_done[" + start + "," + end + ")") : null;
    if (d.markBeforeSplit()) {
      for (Vma17 v : overlapping(mm, start, end)) {
        markVma(v, mark, done);
      }
      splitAt(mm, start);
      splitAt(mm, end);
    } else {
      splitAt(mm, start);
      splitAt(mm, end);
      for (Vma17 v : inside(mm, start, end)) {
        markVma(v, mark, done);
      }
    }
    mm.lock.writeUnlock(start, end);                 // drop mmap_sem
    for (int s = start; s < end; s += SECTION) {     // zap pages from deleted VMAs
      Mmap17.zap_page_range(mm, s, Math.min(s + SECTION, end));
    }
    mm.lock.writeLock(start, end);
    for (Vma17 v : inside(mm, start, end)) {
      unlinkAndFree(mm, v);
    }
    if (replacement != null) {
      link(mm, replacement);
    }
    if (done != null) {
      done.completeAll();
    }
  }

  private static void markVma(Vma17 v, int mark, Completion done) {
    if (done != null) {
      v.vmWait.set(done);
    }
    v.vmState.set(mark);
  }

  /** {@code __split_vma(mm, vma, at, 0)} if a VMA straddles {@code at}. */
  static void splitAt(Mm17 mm, int at) {
    for (Vma17 v = mm.mmap.get(); v != null; v = v.vmNext.get()) {
      int s = v.vmStart.get();
      int e = v.vmEnd.get();
      if (s < at && at < e) {
        Sched.mightSleep("kmem_cache_alloc(vm_area_cachep, GFP_KERNEL)");
        Vma17 upper = new Vma17(v.name() + "'", mm, at, e, v.vmFlags.get(), v.vmNext.get());
        int st = v.vmState.get();                    // *new = *vma: the marks come along
        if (st != Vma17.LIVE) {
          upper.vmWait.set(v.vmWait.get());
          upper.vmState.set(st);
        }
        v.vmEnd.set(at);                             // vma_adjust(vma, vma->vm_start, at, ...)
        v.vmNext.set(upper);
        return;
      }
      if (s >= at) {
        return;
      }
    }
  }

  /** The VMAs lying inside {@code [start, end)}, in list order. */
  private static List<Vma17> inside(Mm17 mm, int start, int end) {
    List<Vma17> out = new ArrayList<>();
    for (Vma17 v = mm.mmap.get(); v != null; v = v.vmNext.get()) {
      int s = v.vmStart.get();
      if (s >= end) {
        break;
      }
      if (s >= start && v.vmEnd.get() <= end) {
        out.add(v);
      }
    }
    return out;
  }

  /** The VMAs overlapping {@code [start, end)}. */
  private static List<Vma17> overlapping(Mm17 mm, int start, int end) {
    List<Vma17> out = new ArrayList<>();
    for (Vma17 v = mm.mmap.get(); v != null; v = v.vmNext.get()) {
      if (v.vmStart.get() >= end) {
        break;
      }
      if (v.vmEnd.get() > start) {
        out.add(v);
      }
    }
    return out;
  }

  /** Detach, {@code unmap_region} (zap), {@code remove_vma} (free). */
  private static void removeVma(Mm17 mm, Vma17 v) {
    int s = v.vmStart.get();
    int e = v.vmEnd.get();
    unlink(mm, v);
    Mmap17.zap_page_range(mm, s, e);
    v.free();
  }

  private static void unlinkAndFree(Mm17 mm, Vma17 v) {
    unlink(mm, v);
    v.free();
  }

  private static void unlink(Mm17 mm, Vma17 v) {
    Vma17 prev = null;
    for (Vma17 x = mm.mmap.get(); x != null && x != v; x = x.vmNext.get()) {
      prev = x;
    }
    Mmap17.unlink(mm, prev, v);
  }

  /** {@code vma_link}: insert {@code v} (not yet visible) in address order with one write. */
  static void link(Mm17 mm, Vma17 v) {
    int start = v.vmStart.get();
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
  }
}
