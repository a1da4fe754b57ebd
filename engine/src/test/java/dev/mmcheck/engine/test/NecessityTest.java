package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Necessity;
import dev.mmcheck.engine.NecessityReport;
import dev.mmcheck.engine.NecessityReport.Verdict;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Site;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.AbbaOrdered;
import dev.mmcheck.engine.examples.CoveringLocks;
import dev.mmcheck.engine.examples.Philosophers;
import dev.mmcheck.engine.examples.Recheck;
import dev.mmcheck.engine.examples.TwoLocks;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The necessity analysis on programs whose answer is known by construction: which sites are
 * load-bearing, which redundant, which pairs cover for each other, a guard that matters in one
 * era only, and configs that do not verify.
 */
class NecessityTest {
  static NecessityReport analyse(Scenario s, boolean pairs, int maxPairs) {
    Checker c = Checker.of(s).withListenerFactory(() -> List.<Listener>of(new DeadlockFreedom(), new LockOrder()));
    return Necessity.run(c, new Necessity.Options(1, pairs, maxPairs), new Checker.Control(), line -> {});
  }

  /** "verdict-word kind name@method" per row, e.g. {@code needed lock data_lock@lambda$setup$0}. */
  static List<String> table(List<NecessityReport.Row> rows) {
    List<String> out = new ArrayList<>();
    for (NecessityReport.Row r : rows) {
      List<String> sites = new ArrayList<>();
      for (Site s : r.removed()) {
        sites.add(s.kind().label() + " " + s.name() + "@" + s.location().replaceAll(".*\\.(\\S+)\\)$", "$1"));
      }
      String v = switch (r.verdict()) {
        case Verdict.Needed n -> "needed(" + n.counterexample().violation().property() + ")";
        case Verdict.Redundant x -> "redundant";
        case Verdict.NoViolationWithinBounds b -> "bounded";
        case Verdict.ModelError e -> "model-error";
      };
      out.add(v + " " + String.join(" + ", sites));
    }
    return out;
  }

  @Test
  void twoLocksOneRedundant() {
    NecessityReport r = analyse(new TwoLocks(), false, 0);
    assertInstanceOf(Result.Verified.class, r.baseline());
    assertEquals(3, r.sites().size(), r.sites().toString());
    assertEquals(List.of(
        "needed(assertion) lock data_lock@lambda$setup$0",
        "needed(assertion) lock data_lock@lambda$setup$1",
        "redundant lock stats_lock@lambda$setup$0"), table(r.rows()));
    Verdict.Needed n = (Verdict.Needed) r.rows().get(0).verdict();
    assertTrue(n.counterexample().violation().message().contains("two threads in the critical section"));
    assertTrue(n.counterexample().preemptions() >= 1, "mutual exclusion breaks only with a preemption");
  }

  @Test
  void locksThatCoverForEachOtherAreRedundantAloneAndNeededInPairs() {
    NecessityReport r = analyse(new CoveringLocks(), true, 100);
    assertEquals(4, r.rows().size());
    assertTrue(r.rows().stream().allMatch(x -> x.verdict() instanceof Verdict.Redundant), table(r.rows()).toString());
    assertEquals(6, r.pairCandidates());
    assertFalse(r.pairsCut());
    assertEquals(List.of(
        "needed(assertion) lock A@lambda$setup$0 + lock B@lambda$setup$0",   // t1 without any lock
        "needed(assertion) lock A@lambda$setup$0 + lock B@lambda$setup$1",   // t1 holds only B, t2 only A
        "needed(assertion) lock A@lambda$setup$1 + lock B@lambda$setup$0",
        "needed(assertion) lock A@lambda$setup$1 + lock B@lambda$setup$1",   // t2 without any lock
        "redundant lock A@lambda$setup$0 + lock A@lambda$setup$1",           // B still common to both
        "redundant lock B@lambda$setup$0 + lock B@lambda$setup$1"), table(r.pairs()));
  }

  @Test
  void thePairBoundCutsAndSaysSo() {
    NecessityReport r = analyse(new CoveringLocks(), true, 2);
    assertEquals(6, r.pairCandidates());
    assertEquals(2, r.pairs().size());
    assertTrue(r.pairsCut());
  }

  @Test
  void aGuardRedundantInOneEraIsLoadBearingInTheOther() {
    NecessityReport unlocked = analyse(new Recheck(Map.of(Recheck.LOCKED, "false")), true, 100);
    assertEquals(List.of(
        "needed(assertion) lock ptl@lambda$setup$0",
        "needed(assertion) guard page installed while sleeping@lambda$setup$0"), table(unlocked.rows()));
    NecessityReport locked = analyse(new Recheck(Map.of(Recheck.LOCKED, "true")), true, 100);
    assertEquals(List.of(
        "redundant lock fault_lock@lambda$setup$0",
        "redundant lock ptl@lambda$setup$0",
        "redundant guard page installed while sleeping@lambda$setup$0"), table(locked.rows()));
    assertEquals(List.of(
        "needed(assertion) lock fault_lock@lambda$setup$0 + lock ptl@lambda$setup$0",
        "needed(assertion) lock fault_lock@lambda$setup$0 + guard page installed while sleeping@lambda$setup$0",
        "redundant lock ptl@lambda$setup$0 + guard page installed while sleeping@lambda$setup$0"),
        table(locked.pairs()));
  }

  @Test
  void lockOrderedExamplesNeedNoLockForDeadlockFreedom() {
    // AbbaOrdered and ordered philosophers protect no data: no lock is needed for deadlock freedom or
    // lock order; removing one only removes dependencies
    NecessityReport abba = analyse(new AbbaOrdered(), false, 0);
    assertEquals(2, abba.rows().size(), "both threads run one lambda: A and B, one site each: " + abba.sites());
    assertTrue(abba.rows().stream().allMatch(x -> x.verdict() instanceof Verdict.Redundant));
    Map<String, String> p = new LinkedHashMap<>();
    p.put(Philosophers.N, "3");
    p.put(Philosophers.ORDERED, "true");
    Checker c = Checker.of(new Philosophers(p)).withListenerFactory(() -> List.<Listener>of(new DeadlockFreedom(),
        new LockOrder(Set.of("fork"))));
    NecessityReport phil = Necessity.run(c, Necessity.Options.singles(), new Checker.Control(), line -> {});
    assertInstanceOf(Result.Verified.class, phil.baseline());
    assertEquals(2, phil.rows().size(), "first and second fork, one site each: " + phil.sites());
    assertTrue(phil.rows().stream().allMatch(x -> x.verdict() instanceof Verdict.Redundant));
  }

  @Test
  void aConfigThatDoesNotVerifyIsNotAnalysed() {
    NecessityReport r = analyse(new Abba(), true, 10);
    assertInstanceOf(Result.ViolationsFound.class, r.baseline());
    assertFalse(r.analysed());
    assertEquals(List.of(), r.rows());
    assertEquals(List.of(), r.pairs());
    Map<String, String> p = new LinkedHashMap<>();
    p.put(Philosophers.N, "3");
    NecessityReport phil = analyse(new Philosophers(p), false, 0);
    assertFalse(phil.analysed());
  }

  @Test
  void eachSearchGetsFreshProperties() {
    // lock-order keeps its graph across executions: a shared instance would carry the baseline's
    // edges into the searches without a site; with the factory each search starts empty
    int[] made = {0};
    Checker c = Checker.of(new AbbaOrdered()).withListenerFactory(() -> {
      made[0]++;
      return List.of(new DeadlockFreedom(), new LockOrder());
    });
    NecessityReport r = Necessity.run(c, Necessity.Options.singles(), new Checker.Control(), line -> {});
    assertEquals(1 + r.rows().size(), made[0]);
  }
}
