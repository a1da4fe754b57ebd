package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Minimization;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchOptions.Minimize;
import dev.mmcheck.engine.Site;
import dev.mmcheck.engine.SiteAnalysis;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.Philosophers;
import dev.mmcheck.engine.examples.Recheck;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockOrder;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * {@code search.minimize}: the minimised counterexample has exactly the fewest preemptions
 * that brute force finds (an exhaustive search with preemption bound 0, 1, 2, ... until one
 * violates), and with {@code length} the shortest trace at that bound (exhaustive searches with
 * depth limit 1, 2, 3, ...). Also: minimisation lowers what DPOR finds first, replays, and says
 * when a bound made it inexact.
 */
class MinimizeTest {
  record Program(String name, Scenario scenario, Supplier<List<Listener>> properties, SiteAnalysis sites) {
    Checker checker(SearchOptions o) {
      Checker c = Checker.of(scenario).withListenerFactory(properties).options(o);
      return sites == null ? c : c.withSiteAnalysis(sites);
    }
  }

  /**
   * The writer sets a, b, c; the checker fails if it sees a set, then b unset, then b set: the
   * writer must be preempted after a and the checker after its first read of b (2 preemptions).
   */
  static Scenario ordered() {
    return w -> {
      Cell<Integer> a = new Cell<>("a", 0);
      Cell<Integer> b = new Cell<>("b", 0);
      Cell<Integer> c = new Cell<>("c", 0);
      w.thread("writer", () -> {
        a.set(1);
        b.set(1);
        c.set(1);
      });
      w.thread("checker", () -> {
        int x = a.get();
        int y = b.get();
        int z = b.get();
        Sched.check(!(x == 1 && y == 0 && z == 1), "saw b change between two reads after seeing a");
      });
      w.thread("noise", () -> {
        a.get();
        c.get();
      });
    };
  }

  /** Three threads increment a counter without a lock; a fourth asserts it never goes 0 -> 2 unseen. */
  static Scenario lostUpdate() {
    return w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (String t : new String[] {"inc1", "inc2", "inc3"}) {
        w.thread(t, () -> {
          int v = x.get();
          x.set(v + 1);
          int after = x.get();
          Sched.check(after > v, "lost update: " + t + " wrote " + (v + 1) + " and then read " + after);
        });
      }
    };
  }

  static List<Program> programs() {
    Supplier<List<Listener>> deadlock = () -> List.of(new DeadlockFreedom());
    SiteAnalysis noPtl = SiteAnalysis.recording();
    Checker.of(new Recheck(Map.of())).withSiteAnalysis(noPtl).run();
    Site ptl = noPtl.executed().stream().filter(s -> s.name().equals("ptl")).findFirst().orElseThrow();
    return List.of(
        new Program("abba", new Abba(), deadlock, null),
        new Program("abba lock-order", new Abba(), () -> List.of(new LockOrder()), null),
        new Program("philosophers 2", new Philosophers(Map.of(Philosophers.N, "2")), deadlock, null),
        new Program("philosophers 3", new Philosophers(Map.of(Philosophers.N, "3")), deadlock, null),
        new Program("philosophers 4", new Philosophers(Map.of(Philosophers.N, "4")), deadlock, null),
        new Program("recheck without ptl", new Recheck(Map.of()), List::of, noPtl.removing(List.of(ptl))),
        new Program("ordered writes", ordered(), List::of, null),
        new Program("lost update", lostUpdate(), List::of, null));
  }

  /** Brute force: the smallest bound at which an exhaustive search violates {@code property}. */
  static int fewestPreemptions(Program p, String property) {
    for (int b = 0; b < 20; b++) {
      Result r = p.checker(SearchOptions.defaults().withStrategy(SearchOptions.Strategy.EXHAUSTIVE)
          .withPreemptionBound(b).withMultipleErrors(true)).run();
      if (r instanceof Result.ViolationsFound f
          && f.violations().stream().anyMatch(c -> c.violation().property().equals(property))) {
        return b;
      }
    }
    throw new AssertionError("no violation within 20 preemptions");
  }

  /** Brute force: the shortest counterexample of {@code property} with at most {@code bound} preemptions. */
  static int shortest(Program p, String property, int bound) {
    for (int d = 1; d < 1000; d++) {
      Result r = p.checker(SearchOptions.defaults().withStrategy(SearchOptions.Strategy.EXHAUSTIVE)
          .withPreemptionBound(bound).withDepthLimit(d).withMultipleErrors(true)).run();
      if (r instanceof Result.ViolationsFound f) {
        for (Counterexample c : f.violations()) {
          if (c.violation().property().equals(property)) {
            return c.trace().size();
          }
        }
      }
    }
    throw new AssertionError("no counterexample shorter than 1000 events");
  }

  @Test
  void fewestPreemptionsMatchesBruteForce() {
    int lowered = 0;
    for (Program p : programs()) {
      Counterexample first = assertInstanceOf(Result.ViolationsFound.class, p.checker(SearchOptions.defaults()).run(),
          p.name()).first();
      assertNull(first.minimization(), "the default reports the first one found");
      Result r = p.checker(SearchOptions.defaults().withMinimize(Minimize.PREEMPTIONS)).run();
      Counterexample m = assertInstanceOf(Result.ViolationsFound.class, r, p.name()).first();
      String property = m.violation().property();
      assertEquals(first.violation().property(), property, p.name());
      assertEquals(fewestPreemptions(p, property), m.preemptions(), p.name() + ": fewest preemptions");
      Minimization how = m.minimization();
      assertEquals(Minimize.PREEMPTIONS, how.mode());
      assertEquals(first.preemptions(), how.firstPreemptions(), p.name());
      assertTrue(how.exact(), p.name());
      int boundsTried = m.preemptions() < first.preemptions() ? m.preemptions() + 1 : first.preemptions();
      assertEquals(boundsTried, how.searches(), p.name() + ": one re-search per bound below the first's");
      if (m.preemptions() < first.preemptions()) {
        lowered++;
      }
      assertInstanceOf(Result.ViolationsFound.class, p.checker(SearchOptions.defaults()).replay(m.schedule()),
          p.name() + ": the minimised counterexample replays");
    }
    assertTrue(lowered >= 2, "minimisation lowered the first counterexample's preemptions in " + lowered + " programs");
  }

  @Test
  void lengthIsTheShortestAtTheFewestPreemptions() {
    int shortened = 0;
    for (Program p : programs()) {
      Counterexample first = ((Result.ViolationsFound) p.checker(SearchOptions.defaults()).run()).first();
      Counterexample m = assertInstanceOf(Result.ViolationsFound.class,
          p.checker(SearchOptions.defaults().withMinimize(Minimize.LENGTH)).run(), p.name()).first();
      String property = m.violation().property();
      int bound = fewestPreemptions(p, property);
      assertEquals(bound, m.preemptions(), p.name());
      assertEquals(shortest(p, property, bound), m.trace().size(), p.name() + ": shortest at " + bound + " preemptions");
      assertTrue(m.minimization().exact(), p.name());
      assertEquals(Minimize.LENGTH, m.minimization().mode());
      if (m.trace().size() < first.trace().size()) {
        shortened++;
      }
    }
    assertTrue(shortened >= 1, "length minimisation shortened " + shortened + " programs");
  }

  @Test
  void aCutReSearchMakesTheMinimisationInexact() {
    Program p = programs().stream().filter(x -> x.name().equals("philosophers 4")).findFirst().orElseThrow();
    Counterexample m = ((Result.ViolationsFound) p.checker(SearchOptions.defaults().withMinimize(Minimize.PREEMPTIONS)
        .withMaxExecutions(10)).run()).first();
    assertFalse(m.minimization().exact(), "DPOR finds it within 10 executions; the exhaustive bound-0 search needs 24");
  }
}
