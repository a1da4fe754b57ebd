package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/** {@link UseAfterFreeRace} fixed: {@code fault} holds the semaphore across lookup and use. */
public final class UseAfterFreeLocked implements Scenario {
  @Override
  public void setup(World w) {
    Semaphore sem = new Semaphore("mmap_sem", 1);
    Cell<Region> list = new Cell<>("mm.regions", new Region("region1"));
    w.thread("fault", () -> {
      sem.down();
      Region r = list.get();
      if (r != null) {
        r.start.get();
      }
      sem.up();
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
