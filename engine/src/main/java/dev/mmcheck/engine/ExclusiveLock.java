package dev.mmcheck.engine;

import java.util.List;

/**
 * A lock with one holder: {@link Mutex}, {@link SpinLock}, {@link BitLock}. They differ in
 * names and in whether the holder may sleep.
 *
 * <pre>
 *   free --lock--&gt; held(t) --unlock--&gt; free
 *   held(t) --lock by u--&gt; u disabled until free
 * </pre>
 */
public abstract sealed class ExclusiveLock extends SyncObject permits Mutex, SpinLock, BitLock {
  private ModelThread holder;
  private final OpCode lockCode;
  private final OpCode trylockCode;
  private final OpCode unlockCode;

  ExclusiveLock(String name, String lockClass, OpCode lock, OpCode trylock, OpCode unlock) {
    super(name, lockClass);
    this.lockCode = lock;
    this.trylockCode = trylock;
    this.unlockCode = unlock;
  }

  final void doLock() {
    if (siteRemoved(lockCode, null)) {
      return;
    }
    if (lockCode.mightSleep) {
      sleepingAcquire(lockCode, () -> step(lockCode), trylockCode);
    } else {
      step(lockCode);
    }
    siteAcquired(null);
  }

  final boolean doTrylock() {
    if (siteRemoved(trylockCode, null)) {
      return true;
    }
    boolean got = (Boolean) stepValue(trylockCode, null);
    if (got) {
      siteAcquired(null);
    }
    return got;
  }

  final void doUnlock() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    step(unlockCode);
  }

  /** True if some thread holds it. Not a scheduling point: for listeners and invariants. */
  public final boolean isLocked() {
    observed(OpCode.Dep.OBSERVE);
    return holder != null;
  }

  @Override
  final boolean availableForBlocking() {
    return holder == null;
  }

  @Override
  final boolean enabled(Op op, ModelThread t) {
    return holder == null;
  }

  @Override
  final Object apply(Op op, ModelThread t) {
    if (op.code == lockCode) {
      holder = t;
      exec.noteAcquire(t, this, LockMode.EXCLUSIVE, false);
      return null;
    }
    if (op.code == trylockCode) {
      if (holder != null) {
        return Boolean.FALSE;
      }
      holder = t;
      exec.noteAcquire(t, this, LockMode.EXCLUSIVE, op.lockdepTrylock());
      return Boolean.TRUE;
    }
    if (holder != t) {
      throw new ModelBug(op.code.opName + "(" + name() + ") by " + t.name
          + (holder == null ? ", which is not locked" : ", which is held by " + holder.name));
    }
    holder = null;
    exec.noteRelease(t, this, LockMode.EXCLUSIVE);
    return null;
  }

  @Override
  final List<ModelThread> blockers(ModelThread waiter) {
    return holder == null ? List.of() : List.of(holder);
  }
}
