package dev.mmcheck.engine;

/** A kernel {@code struct mutex} (e.g. {@code inode->i_mutex}): sleeping, one holder. */
public final class Mutex extends ExclusiveLock {
  public Mutex(String name) {
    this(name, null);
  }

  public Mutex(String name, String lockClass) {
    super(name, lockClass, OpCode.MUTEX_LOCK, OpCode.MUTEX_TRYLOCK, OpCode.MUTEX_UNLOCK);
  }

  /** {@code mutex_lock()}: may sleep. */
  public void lock() {
    doLock();
  }

  /** {@code mutex_trylock()}: true if acquired. */
  public boolean trylock() {
    return doTrylock();
  }

  /** {@code mutex_unlock()}; the caller must hold it. */
  public void unlock() {
    doUnlock();
  }
}
