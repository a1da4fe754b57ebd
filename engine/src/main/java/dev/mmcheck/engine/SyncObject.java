package dev.mmcheck.engine;

import java.util.List;

/**
 * A kernel synchronisation primitive. Every instance has an instance name (shown in traces,
 * e.g. {@code mm1.mmap_sem}) and a lock class (what lockdep groups instances by, e.g.
 * {@code mmap_sem}); by default the class is the part of the name after the last dot.
 *
 * <p>Blocking is a disabled thread: an operation that would sleep or spin makes its thread
 * not schedulable until another thread's operation enables it. The runtime, not the
 * primitive, decides deadlock.
 */
public abstract sealed class SyncObject extends ModelObject
    permits Semaphore, RwSemaphore, ExclusiveLock, SeqCount, Completion, Rcu, GiantLock, RangeLock {
  private final String lockClass;

  SyncObject(String name, String lockClass) {
    super(name);
    this.lockClass = lockClass == null ? defaultClass(name) : lockClass;
  }

  static String defaultClass(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }

  /** The lock class, as lockdep would name it. */
  public String lockClass() {
    return lockClass;
  }

  /** True for primitives whose holder must not sleep (spinlocks). */
  public boolean atomicContext() {
    return false;
  }

  /**
   * For DPOR: would a blocking acquisition of this object be enabled in the current state
   * (an exclusive lock is free, a semaphore or completion count is positive, a seqcount is
   * even)? Recorded before each event on the object; only {@link OpCode.Block#EXCLUSIVE}
   * acquisitions consult it.
   */
  boolean availableForBlocking() {
    return false;
  }

  /** Threads that hold this object and so keep {@code waiter} waiting (for deadlock reports). */
  abstract List<ModelThread> blockers(ModelThread waiter);

  final void step(OpCode code) {
    exec.step(new Op(code, this, null));
  }

  /**
   * A blocking acquisition ({@code blocking}, one or more steps) that sleeps when contended.
   * If the running thread holds a {@link GiantLock}, it first tries {@code attempt} (this
   * primitive's trylock, which must succeed exactly when the blocking acquisition would not
   * wait); when that fails, the thread gives up its giant locks for the sleep, performs the
   * blocking acquisition, and takes them back. Without giant locks it is just {@code blocking}.
   */
  final void sleepingAcquire(OpCode blockingCode, Runnable blocking, OpCode attempt) {
    sleepingAcquire(blockingCode, blocking, attempt, null);
  }

  /** As {@link #sleepingAcquire(OpCode, Runnable, OpCode)}, the attempt with argument {@code arg}. */
  final void sleepingAcquire(OpCode blockingCode, Runnable blocking, OpCode attempt, Object arg) {
    ModelThread me = exec.running();
    if (me == null || me.giants.isEmpty()) {
      blocking.run();
      return;
    }
    if ((Boolean) exec.step(new Op(attempt, this, arg, blockingCode))) {
      return;
    }
    exec.sleepWithoutGiants(me, blocking);
  }

  final Object stepValue(OpCode code, Object arg) {
    return exec.step(new Op(code, this, arg));
  }

  // ---- site analysis hooks: no-ops unless a SiteAnalysis is attached (see SiteAnalysis) ----

  /**
   * An acquisition call by {@code op} (with range {@code key}, or null): true if its site is
   * removed, in which case the caller does nothing at all (and a trylock returns true).
   */
  final boolean siteRemoved(OpCode op, Object key) {
    SiteRun s = exec.sites;
    ModelThread me = s == null ? null : exec.running();
    return me != null && s.removedAcquire(me, this, op, key);
  }

  /** A performed acquisition (not removed) succeeded: remember it for release matching. */
  final void siteAcquired(Object key) {
    SiteRun s = exec.sites;
    ModelThread me = s == null ? null : exec.running();
    if (me != null) {
      s.acquired(me, this, key);
    }
  }

  /** A release call: true if it matches a removed acquisition (the caller then does nothing). */
  final boolean siteReleaseSkipped(Object key) {
    SiteRun s = exec.sites;
    ModelThread me = s == null ? null : exec.running();
    return me != null && s.releaseSkipped(me, this, key, true);
  }

  /** True if the running thread's innermost open acquisition of this lock was removed (kept open). */
  final boolean siteHeldRemoved(Object key) {
    SiteRun s = exec.sites;
    ModelThread me = s == null ? null : exec.running();
    return me != null && s.releaseSkipped(me, this, key, false);
  }
}
