package com.example;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;
import java.util.Map;

/** Test scenario from a user catalog: t1 takes A then B; t2 the same, or B then A when crossed. */
public final class TwoLockers implements Scenario {
  private final boolean crossed;

  public TwoLockers(Map<String, String> params) {
    this.crossed = Boolean.parseBoolean(params.get("two.crossed"));
  }

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
      Mutex first = crossed ? b : a;
      Mutex second = crossed ? a : b;
      first.lock();
      second.lock();
      second.unlock();
      first.unlock();
    });
  }
}
