package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.SyncObject;

/**
 * mmap_sem replaced by a range lock: Laurent Dufour, "[RFC 4/4] Change mmap_sem to range lock"
 * (19-20 Apr 2017, Message-Id 1492698500-24219-1-git-send-email-ldufour@linux.vnet.ibm.com,
 * seed 003) and "[RFC v2 09/10] mm: Change mmap_sem to range lock" (24 May 2017,
 * 1495624801-8063-10-git-send-email-ldufour@...), on Davidlohr Bueso's "locking: Introduce range
 * reader/writer lock" (after Jan Kara's range locks). The RFC renames the field
 * {@code mmap_rw_tree}; the instance is still named {@code <mm>.mmap_sem} here (lock class
 * {@code mmap_sem}) so that the properties that know mmap_sem keep recognising it.
 *
 * <p>With {@code fullRange} every request is widened to the full range
 * {@code [0, RangeLock.FULL_END)}: the RFC as posted, where every {@code down_read}/
 * {@code down_write} became {@code range_rwlock_init_full(&range); range_read_lock(...)}
 * ("there is no functional change except in the way the underlying locking is achieved"). Without
 * it each caller locks the range it names: the "finer grain locking" the cover letter announces
 * as the next step (never posted); which range each path locks is this model's choice, stated
 * at each caller.
 */
public final class RangeMmLock implements MmLock {
  private final RangeLock lock;
  private final boolean fullRange;

  public RangeMmLock(String mm, boolean fullRange) {
    this.lock = new RangeLock(mm + ".mmap_sem", "mmap_sem");
    this.fullRange = fullRange;
  }

  private long s(long start) {
    return fullRange ? 0 : start;
  }

  private long e(long end) {
    return fullRange ? RangeLock.FULL_END : end;
  }

  @Override
  public void readLock(long start, long end) {
    lock.readLock(s(start), e(end));
  }

  @Override
  public void readUnlock(long start, long end) {
    lock.readUnlock(s(start), e(end));
  }

  @Override
  public void writeLock(long start, long end) {
    lock.writeLock(s(start), e(end));
  }

  @Override
  public void writeUnlock(long start, long end) {
    lock.writeUnlock(s(start), e(end));
  }

  @Override
  public SyncObject object() {
    return lock;
  }

  /** Whether every range is widened to the full one. */
  public boolean fullRange() {
    return fullRange;
  }
}
