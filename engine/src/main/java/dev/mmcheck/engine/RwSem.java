package dev.mmcheck.engine;

/**
 * What a user of a reader/writer semaphore calls: {@code down_read}, {@code up_read},
 * {@code down_write}, {@code up_write}, {@code downgrade_write}. Implemented by
 * {@link RwSemaphore} itself (so a model that holds one through this interface gets the same
 * events and the same trace locations) and by adapters over other primitives, e.g. a
 * {@link RangeLock} taken over its full range (Dufour's step 1, "every mmap_sem lock becomes a
 * full-range lock"). The contract of each method is {@link RwSemaphore}'s. Not thread-safe:
 * used by model threads, one at a time.
 */
public interface RwSem {
  void downRead();

  void upRead();

  void downWrite();

  void upWrite();

  void downgradeWrite();

  /** The instance name shown in traces, e.g. {@code mm.mmap_sem}. */
  String name();
}
