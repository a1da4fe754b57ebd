package dev.mmcheck.engine;

/** A lock held by a thread, in acquisition order. */
public record Held(SyncObject lock, LockMode mode) {
  @Override
  public String toString() {
    return lock.name() + mode.tag();
  }
}
