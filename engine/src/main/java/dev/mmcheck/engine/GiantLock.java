package dev.mmcheck.engine;

import java.util.List;

/**
 * A lock its holder loses while it sleeps: Linux's big kernel lock ({@code lock_kernel()}, 2.0
 * to 2.6.38: {@code schedule()} drops it with {@code release_kernel_lock()} and takes it back
 * with {@code reacquire_kernel_lock()} before the task runs again) or FreeBSD's {@code Giant}.
 * It serialises only the code between two sleeps of its holder.
 *
 * <pre>
 *   free --lock--&gt; held(t, depth 1) --lock by t--&gt; held(t, depth 2)   (recursive, no event)
 *   held(t, 1) --unlock--&gt; free
 *   held(t, d) --t sleeps--&gt; free, t remembers d --t wakes--&gt; t waits until free --&gt; held(t, d)
 * </pre>
 *
 * <p>"t sleeps" means: {@link Sched#sleep}; {@link Rcu#synchronize}; or a blocking acquisition
 * that is <em>contended</em> when t attempts it ({@link Semaphore#down}, {@link Mutex#lock},
 * {@link BitLock#lock}, {@link RwSemaphore#downRead} / {@link RwSemaphore#downWrite},
 * {@link Completion#waitForCompletion}). A contended acquisition by a holder of a giant lock is
 * explored as the primitive's trylock (an uncontended attempt succeeds at once and keeps the
 * giant lock, as the kernel's fast path does); when the trylock fails, every giant lock the
 * thread holds is released (event {@code sleep_release}), the blocking acquisition follows,
 * and each giant lock is re-taken (event {@code wake_reacquire}, which waits until it is free)
 * before the thread's code continues. Spinning waits ({@link SpinLock#lock},
 * {@link SeqCount#readBegin}, another giant lock) do not sleep and keep it.
 *
 * <p>For lock-order analysis a re-acquisition after a sleep is reported as a trylock
 * ({@link LockListener#lockAcquired} with {@code trylock = true}): it adds no dependency edge,
 * because any holder of the giant lock that waits for a sleeping lock gives the giant lock up,
 * so the re-acquisition cannot close a cycle. First acquisitions ({@link #lock}) are ordinary.
 * Holding a giant lock is not atomic context: its holder may sleep.
 *
 * <p>Not thread-safe: used only by model threads, one at a time.
 */
public final class GiantLock extends SyncObject {
  private ModelThread holder;
  private int depth;

  public GiantLock(String name) {
    this(name, null);
  }

  public GiantLock(String name, String lockClass) {
    super(name, lockClass);
  }

  /** Takes the lock (spins while another thread holds it); recursive for its holder. */
  public void lock() {
    if (siteRemoved(OpCode.GIANT_LOCK, null)) {
      return;
    }
    ModelThread me = exec.running();
    if (me != null && holder == me) {
      depth++;
    } else {
      step(OpCode.GIANT_LOCK);
    }
    siteAcquired(null);
  }

  /** Releases one level; the outermost unlock releases the lock (an event). */
  public void unlock() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    ModelThread me = exec.running();
    if (me != null && holder == me && depth > 1) {
      depth--;
      return;
    }
    step(OpCode.GIANT_UNLOCK);
  }

  /** True if the running model thread holds it. Not a scheduling point. */
  public boolean heldByCurrentThread() {
    ModelThread me = exec.running();
    return me != null && holder == me;
  }

  /** True if some thread holds it. Not a scheduling point. */
  public boolean isLocked() {
    observed(OpCode.Dep.OBSERVE);
    return holder != null;
  }

  @Override
  boolean availableForBlocking() {
    return holder == null;
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    return holder == null;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case GIANT_LOCK -> {
        holder = t;
        depth = 1;
        exec.noteAcquire(t, this, LockMode.EXCLUSIVE, false);
        if (t != null) {
          t.giants.add(this);
        }
      }
      case GIANT_REACQUIRE -> {
        holder = t;
        depth = (Integer) op.arg;
        exec.noteAcquire(t, this, LockMode.EXCLUSIVE, true);
        t.giants.add(this);
      }
      case GIANT_UNLOCK, GIANT_SLEEP_RELEASE -> {
        if (holder != t) {
          throw new ModelBug(op.code.opName + "(" + name() + ") by " + (t == null ? "setup" : t.name)
              + (holder == null ? ", which is not locked" : ", which is held by " + holder.name));
        }
        int d = depth;
        holder = null;
        depth = 0;
        exec.noteRelease(t, this, LockMode.EXCLUSIVE);
        if (t != null) {
          t.giants.remove(this);
        }
        return op.code == OpCode.GIANT_SLEEP_RELEASE ? d : null;
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    return holder == null ? List.of() : List.of(holder);
  }
}
