package dev.mmcheck.model.lock;

import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.SyncObject;

/** {@code struct rw_semaphore mmap_sem} (2.4 to 5.7; {@code mmap_lock} after): the engine's {@link RwSemaphore}. */
public final class RwsemMmapSem implements MmapSem {
  private final RwSemaphore sem;

  public RwsemMmapSem(String name) {
    this.sem = new RwSemaphore(name, "mmap_sem");
  }

  @Override
  public void downRead() {
    sem.downRead();
  }

  @Override
  public void upRead() {
    sem.upRead();
  }

  @Override
  public void downWrite() {
    sem.downWrite();
  }

  @Override
  public void upWrite() {
    sem.upWrite();
  }

  @Override
  public void downgradeWrite() {
    sem.downgradeWrite();
  }

  @Override
  public SyncObject object() {
    return sem;
  }
}
