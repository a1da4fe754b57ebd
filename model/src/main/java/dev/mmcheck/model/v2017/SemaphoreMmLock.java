package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SyncObject;

/**
 * Linux 2.2.1 {@code struct semaphore mmap_sem} (include/linux/sched.h): {@code down()} for
 * readers and writers alike; the range is ignored. Lock class {@code mmap_sem}.
 */
public final class SemaphoreMmLock implements MmLock {
  private final Semaphore sem;

  public SemaphoreMmLock(String mm) {
    this.sem = new Semaphore(mm + ".mmap_sem", 1);
  }

  @Override
  public void readLock(long start, long end) {
    sem.down();
  }

  @Override
  public void readUnlock(long start, long end) {
    sem.up();
  }

  @Override
  public void writeLock(long start, long end) {
    sem.down();
  }

  @Override
  public void writeUnlock(long start, long end) {
    sem.up();
  }

  @Override
  public SyncObject object() {
    return sem;
  }
}
