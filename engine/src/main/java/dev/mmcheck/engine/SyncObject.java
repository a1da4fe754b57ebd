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
    permits Semaphore, RwSemaphore, ExclusiveLock, SeqCount, Completion, Rcu {
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

  /** Threads that hold this object and so keep {@code waiter} waiting (for deadlock reports). */
  abstract List<ModelThread> blockers(ModelThread waiter);

  final void step(OpCode code) {
    exec.step(new Op(code, this, null));
  }

  final Object stepValue(OpCode code, Object arg) {
    return exec.step(new Op(code, this, arg));
  }
}
