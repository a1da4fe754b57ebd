package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Threads spawned by different threads, in a different order in different executions (helper
 * threads such as {@code rcu_cb:*}), keep their stable ids: the scheduler's enabled mask and its
 * choice are in stable ids, as the reductions, sleep sets and the replayer use them. Found with
 * part 4's 6.15 scenarios, where two threads call {@code call_rcu} in either order (the search
 * then picked a thread by list position and failed with a NullPointerException, or ran the wrong
 * thread).
 */
class SpawnOrderTest {
  @Test
  void helpersSpawnedInEitherOrderAgreeWithTheUnreducedSearch() {
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("a", () -> {
        x.set(1);
        Sched.spawn("helper_a", () -> y.set(1));
      });
      w.thread("b", () -> {
        x.set(2);
        Sched.spawn("helper_b", () -> y.set(x.get() + 10));
      });
    };
    Outcomes2.Run r = SoundnessRegressionTest.agree(s);
    assertEquals(List.of(), List.copyOf(r.violations()));
  }

  static final class Obj extends Tracked {
    final Cell<Integer> f = cell("f", 0);

    Obj(String name) {
      super(name);
    }
  }

  /** Two updaters each RCU-free an object (two rcu_cb helpers); a reader outside any read section uses both. */
  @Test
  void twoCallRcuHelpersAndAReaderOutsideTheReadSection() {
    Scenario s = w -> {
      Rcu rcu = new Rcu("rcu");
      Obj p = new Obj("p");
      Obj q = new Obj("q");
      Cell<Obj> gp = new Cell<>("gp", p);
      Cell<Obj> gq = new Cell<>("gq", q);
      w.thread("reader", () -> {
        Obj a = gp.get();
        Obj b = gq.get();
        a.f.get();
        b.f.get();
      });
      w.thread("up_p", () -> {
        gp.set(null);
        rcu.callRcu(p);
      });
      w.thread("up_q", () -> {
        gq.set(null);
        rcu.callRcu(q);
      });
    };
    SoundnessRegressionTest.agree(s);
    Outcomes.violation(dev.mmcheck.engine.Checker.of(s).with(new UseAfterFree()).run(), "use-after-free");
  }

  /**
   * The parallel unreduced search (main's {@code ParallelSearch}, whose workers also read the
   * enabled mask as stable ids) runs the same executions on two workers as on one and finds the
   * same use after free.
   */
  @Test
  void twoCallRcuHelpersOnTwoWorkers() {
    Scenario s = w -> {
      Rcu rcu = new Rcu("rcu");
      Obj p = new Obj("p");
      Obj q = new Obj("q");
      Cell<Obj> gp = new Cell<>("gp", p);
      Cell<Obj> gq = new Cell<>("gq", q);
      w.thread("reader", () -> {
        gp.get().f.get();
        gq.get().f.get();
      });
      w.thread("up_p", () -> {
        gp.set(null);
        rcu.callRcu(p);
      });
      w.thread("up_q", () -> {
        gq.set(null);
        rcu.callRcu(q);
      });
    };
    List<Long> executions = new java.util.ArrayList<>();
    for (int workers : new int[] {1, 2}) {
      Result r = Checker.of(s).withListenerFactory(() -> List.of(new UseAfterFree()))
          .options(SearchOptions.defaults().withStrategy(SearchOptions.Strategy.EXHAUSTIVE)
              .withMultipleErrors(true).withWorkers(workers)).run();
      Outcomes.violation(r, "use-after-free");
      executions.add(r.statistics().executions());
    }
    assertEquals(executions.get(0), executions.get(1), "executions on 1 and 2 workers");
  }
}
