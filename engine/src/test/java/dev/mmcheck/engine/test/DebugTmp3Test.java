package dev.mmcheck.engine.test;

import dev.mmcheck.engine.*;
import dev.mmcheck.engine.SearchOptions.Strategy;
import java.util.*;
import org.junit.jupiter.api.Test;

class DebugTmp3Test {
  static final class Rec implements dev.mmcheck.engine.EventListener, ExecutionListener {
    final List<Event> evs = new ArrayList<>();
    static final Map<String, List<String>> byClass = Collections.synchronizedMap(new HashMap<>());
    public void executionStarted(ExecutionContext c) { evs.clear(); }
    public void eventExecuted(ExecutionContext c, Event e) { evs.add(e); }
    public void executionFinished(ExecutionContext c, ExecutionEnd end) {
      if (end != ExecutionEnd.COMPLETED) return;
      String k = TraceClasses.canonical(evs);
      StringBuilder sb = new StringBuilder("#" + c.executionNumber() + ":");
      for (Event e : evs) sb.append(' ').append(e.thread().name()).append(e.op().equals("choose") ? "c" + e.value() : "");
      byClass.computeIfAbsent(k, x -> Collections.synchronizedList(new ArrayList<>())).add(sb.toString());
    }
  }

  void count2(String name, Scenario p) {
    TraceClasses tc = new TraceClasses();
    Result r = Checker.of(p).with(tc).run();
    List<TraceClasses> parts = Collections.synchronizedList(new ArrayList<>());
    Rec.byClass.clear();
    if (name.equals("choose-two")) {
      Rec seqRec = new Rec();
      Checker.of(p).with(seqRec).run();
      Rec.byClass.values().stream().flatMap(List::stream).filter(x -> (x.contains(": t2c1") || x.contains(": t1"))).sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1, a.indexOf(':'))), Integer.parseInt(b.substring(1, b.indexOf(':'))))).forEach(x -> System.out.println("SEQ " + x));
      Rec.byClass.clear();
    }
    if (name.equals("choose-two")) System.setProperty("mmcheck.debugPar", "true");
    Result q = Checker.of(p).listeners(() -> { TraceClasses t = new TraceClasses(); parts.add(t); return List.of(t, new Rec()); }).options(SearchOptions.defaults().withWorkers(2)).run();
    TraceClasses par = new TraceClasses();
    for (TraceClasses t : parts) { t.classes.forEach((k, v) -> par.classes.merge(k, v, Integer::sum)); par.maximal += t.maximal; }
    Set<String> missed = new TreeSet<>(tc.classes.keySet());
    missed.removeAll(par.classes.keySet());
    System.setProperty("mmcheck.debugPar", "false");
    if (name.equals("choose-two")) Rec.byClass.values().stream().flatMap(List::stream).filter(x -> (x.contains(": t2c1") || x.contains(": t1"))).sorted((a, b) -> Integer.compare(Integer.parseInt(a.substring(1, a.indexOf(':'))), Integer.parseInt(b.substring(1, b.indexOf(':'))))).forEach(x -> System.out.println("PAR " + x));
    if (name.equals("choose-two")) Rec.byClass.forEach((k, v) -> { if (v.size() > 1) System.out.println("DUP " + v); });
    System.out.println(name + ": seq classes=" + tc.classes.size() + " maximal=" + tc.maximal + " par classes=" + par.classes.size() + " maximal=" + par.maximal + " missed " + missed.stream().limit(name.equals("choose-two") ? 5 : 1).toList());
  }

  @Test
  void show() {
    count2("two-no-t2choose", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t0", () -> { x.set(1); int c = Sched.choose(2); if (c == 0) x.set(2); else y.set(2); });
      w.thread("t1", () -> { y.get(); x.get(); });
      w.thread("t2", () -> { x.set(3); });
    });
    count2("two-no-t0choose", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t0", () -> { x.set(1); x.set(2); });
      w.thread("t1", () -> { y.get(); x.get(); });
      w.thread("t2", () -> { int c = Sched.choose(2); (c == 0 ? x : y).set(3); });
    });
    count2("no-choose-3", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t0", () -> { x.set(1); x.set(2); y.set(2); });
      w.thread("t1", () -> { y.get(); x.get(); });
      w.thread("t2", () -> { x.set(3); y.set(3); });
    });
    count2("choose-first", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { int c = Sched.choose(2); x.set(c); });
      w.thread("t1", () -> { x.get(); x.set(5); });
    });
    count2("choose-mid", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { x.set(1); int c = Sched.choose(2); x.set(c); });
      w.thread("t1", () -> { x.get(); });
    });
    count2("two-choosers", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t0", () -> { int c = Sched.choose(2); x.set(c); });
      w.thread("t2", () -> { int c = Sched.choose(2); x.set(c + 5); });
    });
    count2("choose-two", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t0", () -> { x.set(1); int c = Sched.choose(2); if (c == 0) x.set(2); else y.set(2); });
      w.thread("t1", () -> { y.get(); x.get(); });
      w.thread("t2", () -> { int c = Sched.choose(2); (c == 0 ? x : y).set(3); });
    });
    count2("rw-choose", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      RwSemaphore rw = new RwSemaphore("rw");
      w.thread("t0", () -> { rw.downWrite(); if (Sched.chooseBoolean()) y.set(1); else x.get(); rw.upWrite(); rw.downWrite(); x.set(1); rw.upWrite(); });
      w.thread("t2", () -> { y.set(3); });
    });
    count2("choose-lock", w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Mutex m = new Mutex("m");
      w.thread("t0", () -> { m.lock(); if (Sched.chooseBoolean()) x.set(1); m.unlock(); });
      w.thread("t2", () -> { x.set(3); });
    });
  }
}
