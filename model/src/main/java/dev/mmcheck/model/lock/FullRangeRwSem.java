package dev.mmcheck.model.lock;

import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.RwSem;

/**
 * {@code mmap_sem} replaced by a range lock taken over the full range {@code [0,
 * RangeLock.FULL_END)} by every call: Laurent Dufour, "[RFC 4/4] Change mmap_sem to range lock"
 * (Apr 2017, Message-Id 1492698500-24219-1-git-send-email-ldufour@linux.vnet.ibm.com), which
 * replaced each {@code down_read(&mm->mmap_sem)} by {@code range_rwlock_init_full(&range);
 * range_read_lock(&mm->mmap_rw_tree, &range)} ("no functional change"). Downgrade is
 * {@link RangeLock#downgradeWrite} of that range. Lock class {@code mmap_sem}.
 */
public final class FullRangeRwSem implements RwSem {
  private final RangeLock lock;

  public FullRangeRwSem(String name) {
    this.lock = new RangeLock(name, "mmap_sem");
  }

  @Override
  public void downRead() {
    lock.readLock(0, RangeLock.FULL_END);
  }

  @Override
  public void upRead() {
    lock.readUnlock(0, RangeLock.FULL_END);
  }

  @Override
  public void downWrite() {
    lock.writeLock(0, RangeLock.FULL_END);
  }

  @Override
  public void upWrite() {
    lock.writeUnlock(0, RangeLock.FULL_END);
  }

  @Override
  public void downgradeWrite() {
    lock.downgradeWrite(0, RangeLock.FULL_END);
  }

  @Override
  public String name() {
    return lock.name();
  }

  /** The range lock underneath. */
  public RangeLock rangeLock() {
    return lock;
  }
}
