package dev.mmcheck.properties;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.File6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.List;

/**
 * What the part-4 properties ask about a thread's locks on 6.x objects, from engine lock state
 * and cells only (so every answer enters the dependency relation). "Read-locked VMA": the
 * thread is in the VMA's ghost reader set ({@link Vma6#ghostReaders}: between a successful
 * {@code vma_start_read} and {@code vma_end_read}). "Write-locked VMA": {@code vm_lock_seq == mm->mm_lock_seq} and the thread holds
 * that mm's mmap lock for write (the mark is only meaningful for the mmap writer).
 */
final class V6Locks {
  private V6Locks() {}

  static boolean holds(List<Held> held, SyncObject lock, LockMode mode) {
    for (Held h : held) {
      if (h.lock() == lock && (mode == null || h.mode() == mode)) {
        return true;
      }
    }
    return false;
  }

  /** Holds some lock of {@code lockClass} (in {@code mode}, or any mode if null). */
  static boolean holdsClass(List<Held> held, String lockClass, LockMode mode) {
    for (Held h : held) {
      if (h.lock().lockClass().equals(lockClass) && (mode == null || h.mode() == mode)) {
        return true;
      }
    }
    return false;
  }

  static boolean inRcu(List<Held> held) {
    for (Held h : held) {
      if (h.lock() instanceof Rcu) {
        return true;
      }
    }
    return false;
  }

  static boolean vmaReadLocked(ExecutionContext ctx, ThreadRef t, Vma6 v) {
    return v != null && v.ghostReaders.peek().contains(t.name());
  }

  /** Some thread other than {@code t} holds {@code v} read-locked; its name, or null. */
  static String otherReader(ExecutionContext ctx, ThreadRef t, Vma6 v) {
    for (ThreadRef o : ctx.threads()) {
      if (o.id() != t.id() && vmaReadLocked(ctx, o, v)) {
        return o.name();
      }
    }
    return null;
  }

  static boolean vmaWriteLocked(ExecutionContext ctx, ThreadRef t, Vma6 v, Mm6 mm) {
    return v != null && mm != null && v.k.era.perVmaLocks() && v.vmLockSeq.peek().equals(mm.mmLockSeq.peek())
        && holds(ctx.heldBy(t), mm.mmapLock, LockMode.WRITE);
  }

  /** {@code rmap(w)}: the VMA's anon_vma (if any) and its file's i_mmap_rwsem (if any) held for write. */
  static boolean rmapWrite(List<Held> held, Vma6 v) {
    if (v == null) {
      return false;
    }
    AnonVma6 av = v.anonVma.peek();
    File6 f = v.vmFile.peek();
    return (av == null || holds(held, av.rwsem, LockMode.WRITE)) && (f == null || holds(held, f.iMmapRwsem, LockMode.WRITE));
  }
}
