package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Decision;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.SearchSplit;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.DporBenchmarks;
import dev.mmcheck.engine.examples.UseAfterFreeRace;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The exhaustive search cut into subtrees ({@link Checker#split}, {@link SearchOptions#withSubtree}),
 * the basis of the cluster search: adding up the parts gives the whole search's figures, and the
 * first counterexample per violation key in part order is the whole search's.
 */
class SplitSearchTest {
  /** A choose, then two readers of what was written: 3 threads, a choice. */
  static Scenario chooser() {
    return new Scenario() {
      @Override
      public void setup(dev.mmcheck.engine.World w) {
        Cell<Integer> x = new Cell<>("x", 0);
        Cell<Integer> y = new Cell<>("y", 0);
        w.thread("chooser", () -> {
          if (Sched.chooseBoolean()) {
            x.set(1);
          } else {
            y.set(1);
          }
          x.set(Sched.choose(3));
        });
        w.thread("rx", () -> x.get());
        w.thread("ry", () -> y.get());
      }

      @Override
      public String name() {
        return "chooser";
      }
    };
  }

  record Case(String name, Scenario scenario, SearchOptions options) {}

  static List<Case> cases() {
    SearchOptions ex = SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE);
    return List.of(
        new Case("writers-and-reader", DporBenchmarks.writersAndReader(3), ex),
        new Case("lastzero", DporBenchmarks.lastzero(2), ex),
        new Case("choose", chooser(), ex),
        new Case("deadlock (abba)", new Abba(), ex),
        new Case("deadlock, all errors", new Abba(), ex.withMultipleErrors(true)),
        new Case("use-after-free, all errors", new UseAfterFreeRace(), ex.withMultipleErrors(true)),
        new Case("use-after-free, first", new UseAfterFreeRace(), ex),
        new Case("preemption bound 0", DporBenchmarks.lastzero(3), ex.withPreemptionBound(0)),
        new Case("preemption bound 1", DporBenchmarks.lastzero(3), ex.withPreemptionBound(1)),
        new Case("preemption bound 0, choose", chooser(), ex.withPreemptionBound(0)),
        new Case("preemption bound 0, abba, all errors", new Abba(), ex.withPreemptionBound(0).withMultipleErrors(true)));
  }

  static Checker checker(Scenario s, SearchOptions o) {
    return Checker.of(s).withListenerFactory(() -> List.of(new DeadlockFreedom(), new UseAfterFree())).options(o);
  }

  /** What the parts add up to: figures, bounds, and per violation key the first counterexample. */
  record Merged(Statistics stats, Set<Bound> bounds, Map<String, Counterexample> found, int prefixes) {}

  static Merged merge(Checker c, SearchSplit split) {
    long[] n = new long[7];
    int maxDepth = 0;
    Set<Bound> bounds = EnumSet.noneOf(Bound.class);
    Map<String, Counterexample> found = new LinkedHashMap<>();
    for (SearchSplit.Item item : split.items()) {
      bounds.addAll(item.bounds());
      Statistics st;
      List<Counterexample> cs;
      List<Bound> more;
      switch (item) {
        case SearchSplit.Executed e -> {
          st = e.statistics();
          cs = e.counterexamples();
          more = List.of();
        }
        case SearchSplit.Prefix p -> {
          Result r = c.options(c.options().withSubtree(p.decisions())).run();
          assertTrue(!(r instanceof Result.ModelError), r::toString);
          st = r.statistics();
          cs = r instanceof Result.ViolationsFound f ? f.violations() : List.of();
          more = switch (r) {
            case Result.ViolationsFound f -> f.boundsHit();
            case Result.BoundReached b -> b.boundsHit();
            default -> List.of();
          };
        }
      }
      bounds.addAll(more);
      n[0] += st.executions();
      n[1] += st.completed();
      n[2] += st.deadlocked();
      n[3] += st.bounded();
      n[4] += st.violations();
      n[5] += st.events();
      maxDepth = Math.max(maxDepth, st.maxDepth());
      for (Counterexample x : cs) {
        found.putIfAbsent(x.violation().key(), x);
      }
      if (!cs.isEmpty() && !c.options().multipleErrors()) {
        break;
      }
    }
    bounds.addAll(split.trailingBounds());
    return new Merged(new Statistics(n[0], n[1], n[2], 0, n[3], n[4], n[5], maxDepth, 0, 0), bounds, found,
        split.prefixes().size());
  }

  @TestFactory
  List<DynamicTest> thePartsAddUpToTheWholeSearch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Case k : cases()) {
      for (int depth : new int[] {0, 1, 2, 3, 5, 200}) {
        tests.add(DynamicTest.dynamicTest(k.name() + ", depth " + depth, () -> {
          Checker c = checker(k.scenario(), k.options());
          Result whole = c.run();
          SearchSplit split = c.split(depth);
          assertEquals(null, split.modelError());
          Merged m = merge(c, split);
          Statistics w = whole.statistics();
          assertEquals(w.executions(), m.stats().executions(), "executions");
          assertEquals(w.completed(), m.stats().completed(), "completed");
          assertEquals(w.deadlocked(), m.stats().deadlocked(), "deadlocked");
          assertEquals(w.bounded(), m.stats().bounded(), "bounded");
          assertEquals(w.violations(), m.stats().violations(), "violations");
          assertEquals(w.events(), m.stats().events(), "events");
          assertEquals(w.maxDepth(), m.stats().maxDepth(), "max depth");
          List<Bound> wb = switch (whole) {
            case Result.ViolationsFound f -> f.boundsHit();
            case Result.BoundReached b -> b.boundsHit();
            default -> List.of();
          };
          assertEquals(Set.copyOf(wb), m.bounds(), "bounds");
          Map<String, List<?>> wantSchedules = new LinkedHashMap<>();
          if (whole instanceof Result.ViolationsFound f) {
            f.violations().forEach(x -> wantSchedules.put(x.violation().key(), x.schedule().steps()));
          }
          Map<String, List<?>> gotSchedules = new LinkedHashMap<>();
          m.found().forEach((key, x) -> gotSchedules.put(key, x.schedule().steps()));
          assertEquals(wantSchedules, gotSchedules, "violations: the same keys, the same counterexamples");
          if (k.name().startsWith("preemption bound")) {
            assertTrue(wb.contains(Bound.PREEMPTION_BOUND), "the bound cut the search");
          }
          if (k.name().startsWith("deadlock") || k.name().startsWith("use-after-free")) {
            assertTrue(!m.found().isEmpty(), "a violation");
          }
          if (depth == 3 && k.name().equals("choose")) {
            assertTrue(split.prefixes().stream().anyMatch(p -> p.decisions().stream().anyMatch(d -> d.choice() >= 0)),
                "a prefix fixes a choice");
          }
          if (depth == 0) {
            assertEquals(1, m.prefixes());
          }
          if (depth == 200) {
            assertEquals(0, m.prefixes(), "beyond the longest execution: no prefix");
          }
        }));
      }
    }
    return tests;
  }

  @Test
  void aDeeperSplitHasMorePrefixes() {
    Checker c = checker(DporBenchmarks.writersAndReader(3), SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE));
    assertEquals(1, c.split(0).prefixes().size());
    assertEquals(4, c.split(1).prefixes().size()); // 4 threads enabled at the start
    assertTrue(c.split(3).prefixes().size() > c.split(1).prefixes().size());
  }

  @Test
  void aPrefixThatDoesNotFitIsAModelError() {
    SearchOptions o = SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE);
    Result r = checker(new Abba(), o.withSubtree(List.of(new Decision(7, -1)))).run();
    ModelErrorText.has(r, "subtree prefix does not fit the scenario at event 0");
    Result choice = checker(new Abba(), o.withSubtree(List.of(new Decision(0, 1)))).run();
    ModelErrorText.has(choice, "subtree prefix does not fit the scenario at event 0");
    Result tooLong = checker(new Abba(), o.withSubtree(java.util.Collections.nCopies(50, new Decision(0, -1)))).run();
    ModelErrorText.has(tooLong, "subtree prefix does not fit the scenario");
  }

  @Test
  void subtreesAndSplitsAreForTheUnreducedSearchOnOneWorker() {
    List<Decision> p = List.of(new Decision(0, -1));
    assertThrows(IllegalArgumentException.class,
        () -> checker(new Abba(), SearchOptions.defaults().withSubtree(p)).run());
    assertThrows(IllegalArgumentException.class, () -> checker(new Abba(),
        SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE).withWorkers(2).withSubtree(p)).run());
    assertThrows(IllegalArgumentException.class, () -> checker(new Abba(), SearchOptions.defaults()).split(1));
  }

  /**
   * State a property keeps across executions (lock-order's graph) cannot be split: the split
   * names its key, a subtree search refuses it (model error naming the key), and a property
   * without such state leaves the split's list empty.
   */
  @Test
  void stateSharedAcrossExecutionsIsNamedByTheSplitAndRefusedBySubtrees() {
    SearchOptions o = SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE);
    java.util.function.Supplier<List<dev.mmcheck.engine.Listener>> lockOrder =
        () -> List.of(new dev.mmcheck.engine.props.LockOrder(), new DeadlockFreedom());
    SearchSplit split = Checker.of(new Abba()).withListenerFactory(lockOrder).options(o).split(1);
    assertEquals(1, split.sharedState().size(), split::toString);
    assertTrue(split.sharedState().get(0).contains("LockOrder"), split::toString);
    Result sub = Checker.of(new Abba()).withListenerFactory(lockOrder)
        .options(o.withSubtree(split.prefixes().get(0).decisions())).run();
    ModelErrorText.has(sub, "keeps state across executions");
    assertEquals(List.of(), checker(new Abba(), o).split(1).sharedState());
  }

  /** Model-error assertions. */
  static final class ModelErrorText {
    static void has(Result r, String text) {
      Result.ModelError e = assertInstanceOf(Result.ModelError.class, r, r::toString);
      assertTrue(e.message().contains(text), e.message());
    }
  }
}
