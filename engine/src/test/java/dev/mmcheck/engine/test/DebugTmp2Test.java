package dev.mmcheck.engine.test;

import dev.mmcheck.engine.*;
import dev.mmcheck.engine.SearchOptions.Strategy;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugTmp2Test {
  void count(String name, Scenario p) {
    TraceClasses tc = new TraceClasses();
    Result r = Checker.of(p).with(tc).run();
    TraceClasses all = TraceClasses.explore(p, Strategy.EXHAUSTIVE);
    System.out.println(name + ": seq classes=" + tc.classes.size() + " maximal=" + tc.maximal + " exhaustive classes=" + all.classes.size() + " " + r.statistics().executions());
  }

  void count2(String name, Scenario p) {
    TraceClasses tc = new TraceClasses();
    Result r = Checker.of(p).with(tc).run();
    TraceClasses par = new TraceClasses();
    Checker.of(p).listeners(() -> List.of(par)).options(SearchOptions.defaults().withWorkers(2)).run();
    System.out.println(name + ": seq classes=" + tc.classes.size() + " maximal=" + tc.maximal + " " + r.statistics().executions() + " par classes=" + par.classes.size());
  }

  static final class Orders implements EventListener, ExecutionListener {
    final java.util.List<String> cur = new java.util.ArrayList<>();
    final java.util.Set<String> seen = new java.util.TreeSet<>();
    final java.util.List<String> all = new java.util.ArrayList<>();
    public void executionStarted(ExecutionContext ctx) { cur.clear(); }
    public void eventExecuted(ExecutionContext ctx, Event e) { cur.add(e.thread().name() + (e.op().startsWith("write") ? "W" + e.value() : "")); }
    public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
      // canonical: the order of writes and of each non-write relative to writes
      String k = String.join(" ", cur) + " " + end;
      synchronized (this) { seen.add(k); all.add(k); }
    }
  }

  @Test
  void propertyReads() {
    System.setProperty("mmcheck.debugDpor", "true");
    for (int v = 1; v < 2; v++) {
      int variant = v;
      Cell<?>[] cells = new Cell<?>[2];
      Scenario p = w -> {
        Cell<Integer> x = new Cell<>("x", 0);
        Cell<Integer> y = new Cell<>("y", 0);
        cells[0] = x;
        cells[1] = y;
        w.thread("a", () -> { x.set(1); if (variant > 0) x.set(0); });
        w.thread("b", () -> { y.set(1); if (variant > 1) y.get(); });
        w.thread("c", () -> { Sched.yieldNow(); });
      };
      Orders o1 = new Orders();
      Orders o3 = new Orders();
      Result r = Checker.of(p).with(new SoundnessRegressionTest.CellPairProperty(cells), o1).options(SearchOptions.defaults().withMultipleErrors(true)).run();
      Checker.of(p).with(new SoundnessRegressionTest.CellPairProperty(cells), o3).options(SearchOptions.defaults().withMultipleErrors(true).withStrategy(SearchOptions.Strategy.EXHAUSTIVE)).run();
      if (variant == 1) { System.out.println("SEQ " + o1.all); System.out.println("EXH " + o3.all); }
      Result q = Checker.of(p).listeners(() -> List.of(new SoundnessRegressionTest.CellPairProperty(cells))).options(SearchOptions.defaults().withMultipleErrors(true).withWorkers(2)).run();
      Result e = Checker.of(p).with(new SoundnessRegressionTest.CellPairProperty(cells)).options(SearchOptions.defaults().withMultipleErrors(true).withStrategy(SearchOptions.Strategy.EXHAUSTIVE)).run();
      System.out.println("prop v" + v + " seq=" + r.statistics().executions() + " par=" + q.statistics().executions() + " exh=" + e.statistics().executions());
    }
  }

  @Test
  void seed21() {
    for (int variant = 0; variant < 6; variant++) {
      int v = variant;
      count2("seed21 v" + v, w -> {
        Cell<Integer> x = new Cell<>("x", 0);
        Cell<Integer> y = new Cell<>("y", 0);
        Semaphore sem2 = new Semaphore("sem2", 2);
        BitLock pg = new BitLock("pg");
        RwSemaphore rw = new RwSemaphore("rw");
        Rcu r0 = new Rcu("rcu0");
        Rcu r1 = new Rcu("rcu1");
        w.thread("t0", () -> { y.get(); if (v != 1) r1.synchronize(); });
        w.thread("t1", () -> { sem2.down(); y.get(); sem2.up(); });
        w.thread("t2", () -> {
          pg.lock(); y.set(3);
          if (v == 2 || Sched.chooseBoolean()) x.set(3); else if (v != 3) r0.synchronize();
          pg.unlock();
          if (v != 4) { pg.lock(); x.set(3);
          if (v != 5 && rw.downWriteTrylock()) { rw.downWriteTrylock(); rw.upWrite(); }
          pg.unlock(); }
        });
      });
    }
  }

  @Test
  void show() {
    count("choose-in-lock", w -> {
      Mutex m = new Mutex("m");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { m.lock(); int c = Sched.choose(2); x.set(c); m.unlock(); });
      w.thread("t1", () -> { m.lock(); x.get(); m.unlock(); });
    });
    count("choose-first", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { int c = Sched.choose(2); x.set(c); });
      w.thread("t1", () -> { x.get(); x.set(5); });
    });
    count("choose-two", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t0", () -> { x.set(1); int c = Sched.choose(2); if (c == 0) x.set(2); else y.set(2); });
      w.thread("t1", () -> { y.get(); x.get(); });
      w.thread("t2", () -> { int c = Sched.choose(2); (c == 0 ? x : y).set(3); });
    });
    count("rcu-sync", w -> {
      Rcu r1 = new Rcu("rcu1");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { x.get(); r1.synchronize(); });
      w.thread("t1", () -> { r1.readLock(); x.set(1); r1.readUnlock(); });
      w.thread("t2", () -> { r1.synchronize(); x.get(); });
    });
    count("bit-trylock", w -> {
      BitLock b = new BitLock("pg");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { b.lock(); x.set(1); if (b.trylock()) b.unlock(); b.unlock(); });
      w.thread("t1", () -> { if (b.trylock()) { x.get(); b.unlock(); } });
      w.thread("t2", () -> { b.lock(); x.set(2); b.unlock(); });
    });
  }
}
