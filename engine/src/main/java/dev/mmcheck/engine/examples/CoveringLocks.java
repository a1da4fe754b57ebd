package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/**
 * Two locks that cover for each other (as kswapd's BKL and the vmlist lock do in 1999): both
 * threads take {@code A} then {@code B} around the same critical section, so removing any one
 * acquisition leaves the section protected by the other lock, but removing two can leave the
 * threads without a common lock. The necessity table: every single site redundant; with pairs,
 * removing both locks of one thread, or {@code A} of one thread and {@code B} of the other, is a
 * violation, while removing the same lock from both threads is not. Verifies as it is.
 */
public final class CoveringLocks implements Scenario {
  @Override
  public void setup(World w) {
    Mutex a = new Mutex("A");
    Mutex b = new Mutex("B");
    CriticalSection section = new CriticalSection("data");
    w.thread("t1", () -> {
      a.lock();
      b.lock();
      section.run();
      b.unlock();
      a.unlock();
    });
    w.thread("t2", () -> {
      a.lock();
      b.lock();
      section.run();
      b.unlock();
      a.unlock();
    });
  }
}
