package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/** {@link Abba} fixed by a lock order: both threads take A before B. Deadlock-free. */
public final class AbbaOrdered implements Scenario {
  @Override
  public void setup(World w) {
    Mutex a = new Mutex("A");
    Mutex b = new Mutex("B");
    for (String name : new String[] {"t1", "t2"}) {
      w.thread(name, () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
    }
  }
}
