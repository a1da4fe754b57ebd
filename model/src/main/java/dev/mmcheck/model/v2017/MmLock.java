package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.SyncObject;

/**
 * The lock that serialises changes to an mm's layout, whatever the era makes it: a semaphore
 * (2.2.1 {@code struct semaphore mmap_sem}), a reader/writer semaphore (2.4.20 to 4.x
 * {@code struct rw_semaphore mmap_sem}) or a range lock (Laurent Dufour's 2017 RFC,
 * {@code struct range_rwlock_tree mmap_rw_tree}). Callers always name the range of addresses
 * they work on; the first two ignore it. Implementations: {@link SemaphoreMmLock},
 * {@link RwsemMmLock}, {@link RangeMmLock}. Releases name the same range as the acquisition.
 * Not thread-safe (used by model threads, one at a time).
 */
public interface MmLock {
  /** What the era's {@code mmap_sem} is. */
  enum Kind { SEMAPHORE, RWSEM, RANGE }

  /** {@code down}, {@code down_read} or {@code range_read_lock} of {@code [start, end)}. */
  void readLock(long start, long end);

  void readUnlock(long start, long end);

  /** {@code down}, {@code down_write} or {@code range_write_lock} of {@code [start, end)}. */
  void writeLock(long start, long end);

  void writeUnlock(long start, long end);

  /** The engine primitive (for properties and reports). */
  SyncObject object();

  /** A new lock of {@code kind} named {@code <mm>.mmap_sem}; {@code fullRange} widens every range (step 1). */
  static MmLock create(Kind kind, String mm, boolean fullRange) {
    return switch (kind) {
      case SEMAPHORE -> new SemaphoreMmLock(mm);
      case RWSEM -> new RwsemMmLock(mm);
      case RANGE -> new RangeMmLock(mm, fullRange);
    };
  }
}
