package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.SyncObject;

/**
 * {@code struct rw_semaphore mmap_sem} (Linux 2.4.20 include/linux/sched.h {@code mm_struct},
 * {@code init_rwsem} in kernel/fork.c {@code mm_init}; the same through 4.x): faults take it for
 * read, layout changes for write; the range is ignored. Lock class {@code mmap_sem}.
 */
public final class RwsemMmLock implements MmLock {
  private final RwSemaphore sem;

  public RwsemMmLock(String mm) {
    this.sem = new RwSemaphore(mm + ".mmap_sem", "mmap_sem");
  }

  @Override
  public void readLock(long start, long end) {
    sem.downRead();
  }

  @Override
  public void readUnlock(long start, long end) {
    sem.upRead();
  }

  @Override
  public void writeLock(long start, long end) {
    sem.downWrite();
  }

  @Override
  public void writeUnlock(long start, long end) {
    sem.upWrite();
  }

  @Override
  public SyncObject object() {
    return sem;
  }
}
