package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/**
 * A use after free, shaped like the 1998 fault-vs-munmap bug: {@code fault} looks the region
 * up and reads it without the semaphore, while {@code munmap} unlinks and frees it under the
 * semaphore. {@link UseAfterFreeLocked} is the fix.
 */
public final class UseAfterFreeRace implements Scenario {
  @Override
  public void setup(World w) {
    Semaphore sem = new Semaphore("mmap_sem", 1);
    Cell<Region> list = new Cell<>("mm.regions", new Region("region1"));
    w.thread("fault", () -> {
      Region r = list.get();
      if (r != null) {
        r.start.get();
      }
    });
    w.thread("munmap", () -> {
      sem.down();
      Region r = list.get();
      list.set(null);
      r.free();
      sem.up();
    });
  }
}
