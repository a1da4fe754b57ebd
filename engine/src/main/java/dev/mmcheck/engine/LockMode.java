package dev.mmcheck.engine;

/** How a lock is held. */
public enum LockMode {
  /** Mutual exclusion: semaphore, mutex, spinlock, bit lock, seqcount writer. */
  EXCLUSIVE,
  /** Shared: rwsem reader, RCU reader. */
  SHARED,
  /** rwsem writer. */
  WRITE;

  /** Short tag used in traces: "" for exclusive, "(r)" for shared, "(w)" for write. */
  public String tag() {
    return switch (this) {
      case EXCLUSIVE -> "";
      case SHARED -> "(r)";
      case WRITE -> "(w)";
    };
  }
}
