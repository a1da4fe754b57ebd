package com.example;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Param;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/** Test scenario named by class, with @Param keys ring.n and ring.ordered: n threads, n locks in a ring. */
public record Ring(@Param(value = "n", description = "threads and locks", defaultValue = "2") int n,
    @Param(value = "ordered", description = "the last thread takes the locks in the other order",
        defaultValue = "false") boolean ordered) implements Scenario {
  @Override
  public void setup(World w) {
    Mutex[] m = new Mutex[n];
    for (int i = 0; i < n; i++) {
      m[i] = new Mutex("m" + i);
    }
    for (int i = 0; i < n; i++) {
      Mutex first = m[i];
      Mutex second = m[(i + 1) % n];
      if (ordered && i == n - 1) {
        Mutex t = first;
        first = second;
        second = t;
      }
      Mutex a = first;
      Mutex b = second;
      w.thread("t" + i, () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
    }
  }

  @Override
  public String name() {
    return "Ring[" + n + (ordered ? ", ordered" : "") + "]";
  }
}
