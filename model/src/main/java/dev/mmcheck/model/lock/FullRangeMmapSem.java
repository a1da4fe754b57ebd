package dev.mmcheck.model.lock;

import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.SyncObject;

/**
 * {@code mmap_sem} replaced by a range lock taken over the full range {@code [0,
 * RangeLock.FULL_END)} by every call (Dufour's step 1, see {@link MmapSem}); downgrade is
 * {@link RangeLock#downgradeWrite} of that range.
 */
public final class FullRangeMmapSem implements MmapSem {
  private final RangeLock lock;

  public FullRangeMmapSem(String name) {
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
  public SyncObject object() {
    return lock;
  }
}
