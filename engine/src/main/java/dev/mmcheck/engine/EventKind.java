package dev.mmcheck.engine;

/** What a scheduling point did. The exact operation ("down_read", ...) is {@link Event#op()}. */
public enum EventKind {
  READ, WRITE, ALLOC, FREE, ACCESS,
  /** The thread asks for an rwsem and takes its place in the FIFO queue (it may have to wait). */
  REQUEST,
  ACQUIRE, RELEASE, TRYLOCK_FAILED,
  /** The thread queued on a lock and now waits (rwsem writer preference makes this visible). */
  WAIT, SIGNAL, CHOICE, YIELD, SPAWN, SLEEP
}
