package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel counting semaphore ({@code struct semaphore}): the 2.1/2.2 {@code mmap_sem} was one,
 * initialised to 1. {@code down} sleeps while the count is 0.
 *
 * <pre>
 *   count &gt; 0 --down--&gt; count-1          count == 0 --down--&gt; (disabled until an up)
 *   any      --up----&gt; count+1
 * </pre>
 *
 * <p>A semaphore created with a positive count is a lock: a thread that did {@code down} and
 * not yet {@code up} is reported as holding it (mode {@link LockMode#EXCLUSIVE}) to lock
 * listeners, lock-order and held-lock properties. A semaphore created with count 0 is a
 * <em>signal</em> (one thread waits in {@code down} for another's {@code up}, as 2.2 used
 * semaphores before completions existed): nobody holds it, and its operations are invisible
 * to lock listeners. Not thread-safe: only model threads use it, one at a time.
 */
public final class Semaphore extends SyncObject {
  private int count;
  private final boolean signal;
  private final List<ModelThread> holders = new ArrayList<>(2);

  /** A semaphore with the given initial count; lock class derived from the name. */
  public Semaphore(String name, int initial) {
    this(name, null, initial);
  }

  public Semaphore(String name, String lockClass, int initial) {
    super(name, lockClass);
    if (initial < 0) {
      throw new IllegalArgumentException("negative semaphore count: " + initial);
    }
    this.count = initial;
    this.signal = initial == 0;
  }

  /** True if created with count 0: used as a signal, never held. */
  public boolean isSignal() {
    return signal;
  }

  /** {@code down()}: may sleep. */
  public void down() {
    if (!signal && siteRemoved(OpCode.DOWN, null)) {
      return;
    }
    sleepingAcquire(OpCode.DOWN, () -> step(OpCode.DOWN), OpCode.DOWN_TRYLOCK);
    if (!signal) {
      siteAcquired(null);
    }
  }

  /** {@code down_trylock()}: true if acquired (the kernel returns 0 then). Never sleeps. */
  public boolean downTrylock() {
    if (!signal && siteRemoved(OpCode.DOWN_TRYLOCK, null)) {
      return true;
    }
    boolean got = (Boolean) stepValue(OpCode.DOWN_TRYLOCK, null);
    if (got && !signal) {
      siteAcquired(null);
    }
    return got;
  }

  /** {@code up()}. */
  public void up() {
    if (!signal && siteReleaseSkipped(null)) {
      return;
    }
    step(OpCode.UP);
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    return count > 0;
  }

  @Override
  boolean availableForBlocking() {
    return count > 0;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case DOWN -> take(t, false);
      case DOWN_TRYLOCK -> {
        if (count == 0) {
          return Boolean.FALSE;
        }
        take(t, op.lockdepTrylock());
        return Boolean.TRUE;
      }
      case UP -> {
        count++;
        if (!signal && holders.remove(t)) {
          exec.noteRelease(t, this, LockMode.EXCLUSIVE);
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  private void take(ModelThread t, boolean trylock) {
    count--;
    if (!signal) {
      holders.add(t);
      exec.noteAcquire(t, this, LockMode.EXCLUSIVE, trylock);
    }
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>(holders);
    out.remove(waiter);
    return out;
  }
}
