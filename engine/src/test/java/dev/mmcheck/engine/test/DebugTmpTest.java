package dev.mmcheck.engine.test;

import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.props.DeadlockFreedom;
import java.util.List;
import org.junit.jupiter.api.Test;

class DebugTmpTest {
  @Test
  void show() {
    for (long s : new long[] {19, 21}) {
      DifferentialFuzzTest.Objects[] published = new DifferentialFuzzTest.Objects[1];
      Scenario p = DifferentialFuzzTest.program(s, published);
      java.util.function.Supplier<List<Listener>> props = () -> List.of(new DeadlockFreedom(),
          new DifferentialFuzzTest.BothOne(published));
      for (Strategy st : List.of(Strategy.DPOR)) {
        Outcomes2.Run r = Outcomes2.explore(p, st, 300_000, props);
        System.out.println("seed " + s + " " + st + " " + r.result().statistics() + " outcomes=" + r.outcomes().size());
      }
      TraceClasses tc = new TraceClasses();
      dev.mmcheck.engine.Checker.of(p).with(tc).with(props.get()).options(dev.mmcheck.engine.SearchOptions.defaults()
          .withMultipleErrors(true)).run();
      System.out.println("seed " + s + " seq classes=" + tc.classes.size() + " maximal=" + tc.maximal);
      TraceClasses tc2 = new TraceClasses();
      dev.mmcheck.engine.Checker.of(p).listeners(() -> { List<Listener> l = new java.util.ArrayList<>(props.get()); l.add(tc2); return l; })
          .options(dev.mmcheck.engine.SearchOptions.defaults().withMultipleErrors(true).withWorkers(2)).run();
      System.out.println("seed " + s + " par classes=" + tc2.classes.size() + " maximal=" + tc2.maximal);
      Outcomes2.Run two = Outcomes2.exploreParallel(p, 2, 300_000, props);
      System.out.println("seed " + s + " par2 " + two.result().statistics() + " outcomes=" + two.outcomes().size());
      System.out.println("PROGRAM " + p);
    }
  }
}
