package dev.mmcheck.engine;

/**
 * A kernel {@code spinlock_t} (e.g. {@code mm->page_table_lock}). Waiting spins (the waiter
 * is a disabled thread); the holder is in atomic context: a sleeping operation while holding
 * one is a "sleeping while atomic" violation.
 */
public final class SpinLock extends ExclusiveLock {
  public SpinLock(String name) {
    this(name, null);
  }

  public SpinLock(String name, String lockClass) {
    super(name, lockClass, OpCode.SPIN_LOCK, OpCode.SPIN_TRYLOCK, OpCode.SPIN_UNLOCK);
  }

  /** {@code spin_lock()}. */
  public void lock() {
    doLock();
  }

  /** {@code spin_trylock()}: true if acquired. */
  public boolean trylock() {
    return doTrylock();
  }

  /** {@code spin_unlock()}; the caller must hold it. */
  public void unlock() {
    doUnlock();
  }

  @Override
  public boolean atomicContext() {
    return true;
  }
}
