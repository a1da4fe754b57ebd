package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/**
 * The classic ABBA deadlock: {@code t1} takes A then B, {@code t2} takes B then A. Some
 * interleaving deadlocks; {@link AbbaOrdered} is the fix.
 */
public final class Abba implements Scenario {
  @Override
  public void setup(World w) {
    Mutex a = new Mutex("A");
    Mutex b = new Mutex("B");
    w.thread("t1", () -> {
      a.lock();
      b.lock();
      b.unlock();
      a.unlock();
    });
    w.thread("t2", () -> {
      b.lock();
      a.lock();
      a.unlock();
      b.unlock();
    });
  }
}
