package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code search.minimize}: after a search found violations, finds for each violated property the
 * counterexample with the fewest preemptions by iterative preemption bounding (Musuvathi and
 * Qadeer, "Iterative context bounding for systematic testing of multithreaded programs", PLDI
 * 2007: search with bound 0, 1, 2, ...), and with {@link SearchOptions.Minimize#LENGTH} then the
 * shortest trace at that bound (binary search on {@code search.depth_limit}).
 *
 * <p>Each re-search explores every interleaving within its bounds ({@link
 * SearchOptions.Strategy#EXHAUSTIVE}: partial-order reduction combined with a preemption bound
 * can miss executions within the bound), keeps only the property being minimised (other
 * properties could stop it first; built-in ones that still fire are looked past with
 * multiple-errors mode), and keeps the configured execution and time limits, so each re-search
 * is bounded like the first search. Only bounds below the first counterexample's preemptions are
 * tried: if none has a counterexample, the first one is already minimal. Not thread-safe; one
 * instance per {@link Checker#run}.
 */
final class Minimizer {
  private final Checker checker;
  private final Checker.Control control;
  private int searches;
  private long executions;
  private long wallMillis;
  private boolean exact;

  Minimizer(Checker checker, Checker.Control control) {
    this.checker = checker;
    this.control = control;
  }

  /** The same result with the first counterexample of each property replaced by its minimum. */
  Result minimize(Result.ViolationsFound found) {
    List<Counterexample> out = new ArrayList<>(found.violations());
    Set<String> done = new LinkedHashSet<>();
    for (int i = 0; i < out.size(); i++) {
      Counterexample c = out.get(i);
      if (c.preemptions() < 0 || !done.add(c.violation().property())) {
        continue;
      }
      out.set(i, minimize(c));
      if (control.interrupted()) {
        break;
      }
    }
    return new Result.ViolationsFound(out, found.boundsHit(), found.statistics());
  }

  private Counterexample minimize(Counterexample first) {
    searches = 0;
    executions = 0;
    wallMillis = 0;
    exact = true;
    String property = first.violation().property();
    SearchOptions base = checker.options().withStrategy(SearchOptions.Strategy.EXHAUSTIVE)
        .withMinimize(SearchOptions.Minimize.NONE);
    Counterexample best = first;
    for (int bound = 0; bound < first.preemptions() && !control.interrupted(); bound++) {
      Counterexample c = find(base.withPreemptionBound(bound), property, EnumSet.of(Bound.PREEMPTION_BOUND));
      if (c != null) {
        best = c;
        break;
      }
    }
    if (checker.options().minimize() == SearchOptions.Minimize.LENGTH) {
      SearchOptions atBound = base.withPreemptionBound(best.preemptions());
      int lo = 1;
      int hi = Math.min(best.trace().size() - 1, checker.options().depthLimit());
      while (lo <= hi && !control.interrupted()) {
        int depth = lo + (hi - lo) / 2;
        Counterexample c = find(atBound.withDepthLimit(depth), property,
            EnumSet.of(Bound.PREEMPTION_BOUND, Bound.DEPTH_LIMIT));
        if (c != null && c.trace().size() < best.trace().size()) {
          best = c;
          hi = c.trace().size() - 1;
        } else {
          lo = depth + 1;
        }
      }
    }
    if (control.interrupted()) {
      exact = false;
    }
    return best.withMinimization(new Minimization(checker.options().minimize(), first.preemptions(),
        first.trace().size(), searches, executions, wallMillis, exact));
  }

  /**
   * A counterexample of {@code property} within {@code o}'s bounds, or null. A search cut by a
   * bound not in {@code expected} makes the minimisation inexact.
   */
  private Counterexample find(SearchOptions o, String property, Set<Bound> expected) {
    Result r = search(o.withMultipleErrors(false), property, expected);
    Counterexample c = of(r, property);
    if (c == null && r instanceof Result.ViolationsFound) {
      // another (built-in) property stopped the search first: look past it
      c = of(search(o.withMultipleErrors(true), property, expected), property);
    }
    return c;
  }

  private Result search(SearchOptions o, String property, Set<Bound> expected) {
    Result r = checker.search(o, l -> !(l instanceof Property p) || p.name().equals(property), control);
    searches++;
    if (r.statistics() != null) {
      executions += r.statistics().executions();
      wallMillis += r.statistics().wallMillis();
    }
    List<Bound> hit = switch (r) {
      case Result.Verified v -> List.of();
      case Result.ViolationsFound f -> f.boundsHit();
      case Result.BoundReached b -> b.boundsHit();
      case Result.ModelError e -> List.of(Bound.INTERRUPTED);
    };
    for (Bound b : hit) {
      // An execution cut because its first choice would exceed the preemption bound ends like a
      // depth-bounded one (Explorer), so DEPTH_LIMIT without an execution that long is that cut.
      boolean preemptionCut = b == Bound.DEPTH_LIMIT && r.statistics() != null
          && r.statistics().maxDepth() < o.depthLimit();
      if (!expected.contains(b) && !preemptionCut) {
        exact = false;
      }
    }
    return r;
  }

  private static Counterexample of(Result r, String property) {
    if (r instanceof Result.ViolationsFound f) {
      for (Counterexample c : f.violations()) {
        if (c.violation().property().equals(property)) {
          return c;
        }
      }
    }
    return null;
  }
}
