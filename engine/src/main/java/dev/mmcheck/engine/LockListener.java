package dev.mmcheck.engine;

/**
 * Lock acquisitions and releases of every primitive that can be held (semaphore, rwsem,
 * mutex, spinlock, bit lock, RCU read side, seqcount write side).
 */
public interface LockListener extends Listener {
  /**
   * {@code thread} now holds {@code lock} in {@code mode}. {@code trylock} is true when the
   * acquisition could not have blocked (a successful trylock): lockdep adds no dependency
   * edge towards such an acquisition. Called before {@code event} reaches event listeners.
   */
  default void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {}

  /** {@code thread} released {@code lock} (held in {@code mode}). */
  default void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {}
}
