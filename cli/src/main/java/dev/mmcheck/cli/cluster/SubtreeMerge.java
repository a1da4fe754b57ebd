package dev.mmcheck.cli.cluster;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchSplit;
import dev.mmcheck.engine.Statistics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The result of a cluster search: the split's own executions and the members' subtree results
 * added up in depth-first order (the order of the sequential exhaustive search), so that the
 * figures are that search's, the counterexample of each violation key is the one it finds
 * first (replayed here from the schedule a member sent), and execution numbers run on across
 * subtrees as they do in one JVM. Stateless; called on the submitter only.
 */
final class SubtreeMerge {
  private SubtreeMerge() {}

  /**
   * The parts up to {@code cutoff} (an item index; {@code Integer.MAX_VALUE} for all), a part
   * with no result (cancelled, never started) counted as nothing. {@code stopped}: the bound
   * that stopped the search early (time limit, interrupt), or null. The first model error ends
   * the merge.
   */
  static Result merge(Checker checker, SearchSplit split, SubtreeResult[] results, int cutoff, Bound stopped,
      long t0) {
    Tally t = new Tally();
    Set<Bound> bounds = EnumSet.noneOf(Bound.class);
    Map<String, Counterexample> found = new LinkedHashMap<>();
    String modelError = null;
    Counterexample context = null;
    int last = Math.min(cutoff, split.items().size() - 1);
    for (int i = 0; i <= last; i++) {
      SearchSplit.Item item = split.items().get(i);
      bounds.addAll(item.bounds());
      if (item instanceof SearchSplit.Executed e) {
        for (Counterexample c : e.counterexamples()) {
          found.putIfAbsent(c.violation().key(), renumbered(c, t.executions + 1));
        }
        t.add(e.statistics());
        continue;
      }
      SubtreeResult r = results[i];
      if (r == null) {
        continue; // cancelled (time limit, interrupt) or never started
      }
      for (SubtreeResult.Found f : r.found()) {
        if (!found.containsKey(f.violation().key())) {
          found.put(f.violation().key(), checker.counterexample(f.schedule(), f.violation(), f.end(),
              (int) Math.min(Integer.MAX_VALUE, t.executions + f.execution())));
        }
      }
      bounds.addAll(SubtreeTask.bounds(r));
      t.add(new Statistics(r.executions(), r.completed(), r.deadlocked(), r.sleepBlocked(), r.bounded(),
          r.violations(), r.events(), r.maxDepth(), 0, r.peakHeapBytes()));
      if (r.modelError() != null) {
        modelError = r.modelError() + " (in subtree " + i + ", on member " + r.member() + ")";
        if (r.modelErrorSchedule() != null) {
          context = checker.counterexample(r.modelErrorSchedule(), null, ExecutionEnd.MODEL_ERROR,
              (int) Math.min(Integer.MAX_VALUE, t.executions));
        }
        break;
      }
    }
    if (cutoff == Integer.MAX_VALUE && stopped == null) {
      bounds.addAll(split.trailingBounds());
    }
    if (stopped != null) {
      bounds.add(stopped);
    }
    t.peak = Math.max(t.peak, java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
    Statistics st = t.statistics((System.nanoTime() - t0) / 1_000_000);
    if (modelError != null) {
      return new Result.ModelError(modelError, context, st);
    }
    if (!found.isEmpty()) {
      return new Result.ViolationsFound(new ArrayList<>(found.values()), new ArrayList<>(bounds), st);
    }
    if (!bounds.isEmpty()) {
      return new Result.BoundReached(new ArrayList<>(bounds), st);
    }
    return new Result.Verified(st);
  }

  /** {@code c} with its execution number in the whole search. */
  private static Counterexample renumbered(Counterexample c, long execution) {
    return new Counterexample(c.violation(), c.end(), (int) Math.min(Integer.MAX_VALUE, execution), c.schedule(),
        c.trace(), c.threads(), c.pending(), c.waitCycle(), c.conflict(), c.preemptions(), c.contextSwitches(),
        c.minimization());
  }

  /** The figures added up (heap and depth: the largest). */
  private static final class Tally {
    long executions;
    long completed;
    long deadlocked;
    long sleepBlocked;
    long bounded;
    long violations;
    long events;
    int maxDepth;
    long peak;

    void add(Statistics s) {
      executions += s.executions();
      completed += s.completed();
      deadlocked += s.deadlocked();
      sleepBlocked += s.sleepBlocked();
      bounded += s.bounded();
      violations += s.violations();
      events += s.events();
      maxDepth = Math.max(maxDepth, s.maxDepth());
      peak = Math.max(peak, s.peakHeapBytes());
    }

    Statistics statistics(long wallMillis) {
      return new Statistics(executions, completed, deadlocked, sleepBlocked, bounded, violations, events, maxDepth,
          wallMillis, peak);
    }
  }
}
