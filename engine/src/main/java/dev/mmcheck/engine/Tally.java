package dev.mmcheck.engine;

import java.util.Set;

/**
 * The figures of one search, added execution by execution: how each execution ended, its
 * events and violations, and the bound that cut it. One place for the sequential and the
 * parallel search. Not thread-safe: the parallel search adds under its lock.
 */
final class Tally {
  private long completed;
  private long deadlocked;
  private long sleepBlocked;
  private long bounded;
  private long violations;
  private long events;
  private int maxDepth;

  /**
   * Counts {@code ex}, which ended with {@code end}; the bound that cut it goes into
   * {@code bounds}. A violation or model error counts its events and violations only.
   */
  void add(Execution ex, ExecutionEnd end, Set<Bound> bounds) {
    events += ex.ops.size();
    maxDepth = Math.max(maxDepth, ex.ops.size());
    switch (end) {
      case COMPLETED -> completed++;
      case DEADLOCK -> deadlocked++;
      case VIOLATION, MODEL_ERROR -> { }
      case DEPTH_BOUND -> {
        bounded++;
        bounds.add(ex.cutByPreemption ? Bound.PREEMPTION_BOUND : Bound.DEPTH_LIMIT);
      }
      case SLEEP_BLOCKED -> sleepBlocked++;
      case SPIN_BOUND -> {
        bounded++;
        bounds.add(Bound.SPIN_LIMIT);
      }
    }
    violations += ex.violations.size();
  }

  Statistics statistics(long executions, long wallMillis, long peakHeapBytes) {
    return new Statistics(executions, completed, deadlocked, sleepBlocked, bounded, violations, events, maxDepth,
        wallMillis, peakHeapBytes);
  }
}
