package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.*;

import dev.mmcheck.engine.*;
import dev.mmcheck.engine.props.*;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void twoWritersOfOneCell() {
    Result r = Checker.of(w -> {
      Cell<Integer> c = new Cell<>("x", 0);
      w.thread("a", () -> c.set(1));
      w.thread("b", () -> c.set(2));
    }).with(new DeadlockFreedom()).run();
    System.out.println(r);
    assertInstanceOf(Result.Verified.class, r);
    assertEquals(2, r.statistics().executions());
  }

  @Test
  void abba() {
    Result r = Checker.of(w -> {
      Mutex a = new Mutex("A"), b = new Mutex("B");
      w.thread("t1", () -> { a.lock(); b.lock(); b.unlock(); a.unlock(); });
      w.thread("t2", () -> { b.lock(); a.lock(); a.unlock(); b.unlock(); });
    }).with(new DeadlockFreedom()).run();
    System.out.println(r);
    assertInstanceOf(Result.ViolationsFound.class, r);
  }
}
