package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Sched;
import java.util.HashSet;
import java.util.Set;

/**
 * The per-VMA lock, 6.4 and 6.15 (include/linux/mm.h and include/linux/mmap_lock.h, mm/mmap_lock.c),
 * named after the kernel functions. Readers never block: {@code vma_start_read} either gets the
 * lock or fails (the caller falls back to {@code mmap_read_lock}). Writers hold the mmap lock for
 * write and mark a VMA with {@code vma_start_write}; there is no {@code vma_end_write}: the mark
 * ends when {@code mm_lock_seq} moves on ({@link Mm6#mmap_write_unlock}).
 *
 * <pre>
 * 6.4 (5e31275cc997, as fixed by b1f02b95758d "fix memory ordering for mm_lock_seq and vm_lock_seq"):
 *   vma_start_read:  vm_lock_seq == mm_lock_seq ? fail : down_read_trylock(vm_lock) ? (re-check seq) : fail
 *   vma_start_write: vm_lock_seq == mm_lock_seq ? done : down_write(vm_lock); vm_lock_seq = mm_lock_seq; up_write
 * 6.15 (vm_refcnt, 3104138517fc series; mm/mmap_lock.c read at 00c010e130e5 and 9bbffee67ffd):
 *   vma_start_read:  seq check; refcount_inc_not_zero_limited(vm_refcnt, VMA_REF_LIMIT)
 *                    (0: detached -> EAGAIN; writer offset present -> fail); [fix: vm_mm check +
 *                    mmgrab]; seq re-check
 *   vma_refcount_put: mm = vma->vm_mm; dec; if only the writer is left: rcuwait_wake_up(&mm->vma_writer_wait)
 *   vma_start_write: seq check; refcount_add_not_zero(VMA_LOCK_OFFSET); wait for
 *                    vm_refcnt == VMA_LOCK_OFFSET + 1; vm_lock_seq = mm_lock_seq; sub VMA_LOCK_OFFSET
 * </pre>
 *
 * Memory ordering (READ_ONCE, acquire/release) is not modelled: every cell access is
 * sequentially consistent. {@code rcuwait_wait_event} is a {@link dev.mmcheck.engine.Cell#awaitUntil}
 * on {@code vm_refcnt}, bracketed by the writes of the waiting task into {@code vma_writer_wait}.
 */
public final class PerVmaLock {
  private PerVmaLock() {}

  /** Outcome of the 6.15 {@code vma_start_read}: the VMA, NULL, or {@code ERR_PTR(-EAGAIN)} (detached). */
  public enum ReadLock { LOCKED, FAILED, EAGAIN }

  // ---- 6.4 ----

  /** 6.4 {@code vma_start_read(vma)} (the caller is in an RCU read section). */
  public static boolean vma_start_read_6_4(Mm6 mm, Vma6 vma) {
    if (vma.vmLockSeq.get() == mm.mmLockSeq.get()) {
      return false;
    }
    if (!vma.vmLock.downReadTrylock()) {
      return false;
    }
    if (vma.vmLockSeq.get() == mm.mmLockSeq.get()) {
      vma.vmLock.upRead();
      return false;
    }
    ghostReader(vma, true);
    return true;
  }

  // ---- 6.15 ----

  /**
   * 6.15 {@code vma_start_read(mm, vma)}; the caller holds {@code rcu_read_lock} and still does
   * when this returns. With {@code vmaStartReadGrabsMm} (9bbffee67ffd) a VMA recycled into
   * another mm is dropped here, under {@code mmgrab} of that mm, with RCU released around it.
   */
  public static ReadLock vma_start_read_6_15(Mm6 mm, Vma6 vma) {
    if (vma.vmLockSeq.get() == mm.mmLockSeq.get()) {
      return ReadLock.FAILED;
    }
    while (true) {                                   // __refcount_inc_not_zero_limited_acquire
      int old = vma.vmRefcnt.get();
      if (old == 0) {
        return ReadLock.EAGAIN;                      // detached under us
      }
      if (old + 1 > Vma6.VMA_REF_LIMIT) {
        return ReadLock.FAILED;                      // a writer has added VMA_LOCK_OFFSET
      }
      if (vma.vmRefcnt.compareAndSet(old, old + 1)) {
        break;
      }
    }
    if (vma.k.d.vmaStartReadGrabsMm() && vma.k.d.vmaLockChecksMm()) {
      Mm6 other = vma.vmMm.get();
      if (other != mm) {
        mm.k.rcu.readUnlock();
        other.mmgrab();
        vma_refcount_put(vma);
        other.mmdrop();
        mm.k.rcu.readLock();
        return ReadLock.FAILED;
      }
    }
    if (vma.vmLockSeq.get() == mm.mmLockSeq.get()) {
      vma_refcount_put(vma);
      return ReadLock.FAILED;
    }
    ghostReader(vma, true);
    return ReadLock.LOCKED;
  }

  /**
   * 6.15 {@code vma_refcount_put(vma)}: takes a copy of {@code vma->vm_mm}, drops the reader's
   * reference and, if only a waiting writer is left, wakes it on that mm's
   * {@code vma_writer_wait} (a read of the mm: a use after free if that mm was freed meanwhile).
   */
  public static void vma_refcount_put(Vma6 vma) {
    Mm6 mm = vma.vmMm.get();
    int old = vma.vmRefcnt.fetchAdd(-1);
    int now = old - 1;
    if (now != 0 && now >= Vma6.VMA_LOCK_OFFSET && now <= Vma6.VMA_LOCK_OFFSET + 1) {   // is_vma_writer_only
      mm.vmaWriterWait.get();                        // rcuwait_wake_up(&mm->vma_writer_wait)
    }
  }

  /** {@code __vma_enter_locked(vma, detaching)}: false if the VMA is detached (nothing to wait for). */
  static boolean vma_enter_locked(Mm6 mm, Vma6 vma, boolean detaching) {
    int target = Vma6.VMA_LOCK_OFFSET + (detaching ? 0 : 1);
    while (true) {                                   // refcount_add_not_zero(VMA_LOCK_OFFSET)
      int old = vma.vmRefcnt.get();
      if (old == 0) {
        return false;
      }
      if (vma.vmRefcnt.compareAndSet(old, old + Vma6.VMA_LOCK_OFFSET)) {
        break;
      }
    }
    if (vma.k.d.vmaStartWriteWaitsReaders()) {
      mm.vmaWriterWait.set(Sched.threadName());      // rcuwait_wait_event: prepare
      vma.vmRefcnt.awaitUntil(c -> c == target);
      mm.vmaWriterWait.set(null);                    // finish_rcuwait
    }
    return true;
  }

  // ---- both ----

  /** {@code vma_end_read(vma)}. */
  public static void vma_end_read(Vma6 vma) {
    ghostReader(vma, false);
    if (vma.k.era.refcountedVmaLock()) {
      vma_refcount_put(vma);
    } else {
      vma.k.rcu.readLock();                          // keeps vma alive till the end of up_read
      vma.vmLock.upRead();
      vma.k.rcu.readUnlock();
    }
  }

  /**
   * {@code vma_start_write(vma)}: the caller holds {@code mm}'s mmap lock for write. With the
   * {@code vmaStartWriteWaitsReaders=false} mutation only {@code vm_lock_seq} is set.
   */
  public static void vma_start_write(Mm6 mm, Vma6 vma) {
    if (!mm.k.era.perVmaLocks()) {
      return;
    }
    int seq = mm.mmLockSeq.peek();                   // stable: we hold mmap_lock for write
    if (vma.vmLockSeq.get() == seq) {
      return;                                        // __is_vma_write_locked
    }
    if (mm.k.era.refcountedVmaLock()) {
      boolean locked = vma_enter_locked(mm, vma, false);
      vma.vmLockSeq.set(seq);
      if (locked) {
        vma.vmRefcnt.fetchAdd(-Vma6.VMA_LOCK_OFFSET);   // __vma_exit_locked
      }
      return;
    }
    if (mm.k.d.vmaStartWriteWaitsReaders()) {
      vma.vmLock.downWrite();
      vma.vmLockSeq.set(seq);
      vma.vmLock.upWrite();
    } else {
      vma.vmLockSeq.set(seq);
    }
  }

  /** {@code vma_mark_detached(vma)}: the caller has write-locked the VMA. */
  public static void vma_mark_detached(Mm6 mm, Vma6 vma) {
    if (!mm.k.era.perVmaLocks()) {
      return;
    }
    if (!mm.k.era.refcountedVmaLock()) {
      vma.detached.set(true);
      return;
    }
    if (vma.vmRefcnt.fetchAdd(-1) != 1) {            // !refcount_dec_and_test: readers left
      if (vma_enter_locked(mm, vma, true)) {
        vma.vmRefcnt.fetchAdd(-Vma6.VMA_LOCK_OFFSET);
      }
    }
  }

  /** {@code vma_mark_attached(vma)}: before the VMA is stored in the tree. */
  public static void vma_mark_attached(Mm6 mm, Vma6 vma) {
    if (!mm.k.era.perVmaLocks()) {
      return;
    }
    if (mm.k.era.refcountedVmaLock()) {
      vma.vmRefcnt.set(1);
    } else {
      vma.detached.set(false);
    }
  }

  /**
   * Ghost: adds the running thread to the VMA's readers when {@code vma_start_read} succeeds, and
   * removes it in {@code vma_end_read} (a cmpxchg loop, so no update is lost; no event when there
   * is nothing to remove).
   */
  private static void ghostReader(Vma6 vma, boolean add) {
    while (true) {
      Set<String> old = vma.ghostReaders.peek();
      if (!add && !old.contains(Sched.threadName())) {
        return;
      }
      Set<String> s = new HashSet<>(old);
      if (add) {
        s.add(Sched.threadName());
      } else {
        s.remove(Sched.threadName());
      }
      if (vma.ghostReaders.compareAndSet(old, Set.copyOf(s))) {
        return;
      }
    }
  }
}
