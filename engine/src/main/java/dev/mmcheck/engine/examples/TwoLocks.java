package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/**
 * The lock-necessity example whose table is known by construction: {@code data_lock} protects a
 * critical section both threads enter; {@code stats_lock} is taken by {@code writer} only, nested
 * inside, and protects nothing the other thread touches. So both acquisitions of
 * {@code data_lock} are load-bearing (without either, the two threads can be inside together)
 * and {@code stats_lock} is redundant. Verifies as it is.
 */
public final class TwoLocks implements Scenario {
  @Override
  public void setup(World w) {
    Mutex data = new Mutex("data_lock");
    Mutex stats = new Mutex("stats_lock");
    CriticalSection section = new CriticalSection("data");
    w.thread("writer", () -> {
      data.lock();
      stats.lock();
      section.run();
      stats.unlock();
      data.unlock();
    });
    w.thread("reader", () -> {
      data.lock();
      section.run();
      data.unlock();
    });
  }
}
