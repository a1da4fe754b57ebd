package dev.mmcheck.engine;

/**
 * A sleeping bit lock such as a page's {@code PG_locked} ({@code lock_page},
 * {@code trylock_page}, {@code unlock_page}). Lockdep does not track page locks; mmcheck
 * does, under the lock class given (default: the name's last component).
 */
public final class BitLock extends ExclusiveLock {
  public BitLock(String name) {
    this(name, null);
  }

  public BitLock(String name, String lockClass) {
    super(name, lockClass, OpCode.LOCK_BIT, OpCode.TRYLOCK_BIT, OpCode.UNLOCK_BIT);
  }

  /** {@code lock_page()}: may sleep. */
  public void lock() {
    doLock();
  }

  /** {@code trylock_page()}: true if acquired. */
  public boolean trylock() {
    return doTrylock();
  }

  /** {@code unlock_page()}; the caller must hold it. */
  public void unlock() {
    doUnlock();
  }
}
