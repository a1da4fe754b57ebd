package dev.mmcheck.engine;

import java.time.Instant;

/**
 * Figures of one search.
 *
 * @param executions executions started
 * @param completed executions in which every thread finished
 * @param deadlocked executions that ended in a deadlock
 * @param sleepBlocked executions pruned because every enabled thread was asleep (DPOR)
 * @param bounded executions cut by the depth or preemption bound
 * @param violations violations reported (all, including repeats)
 * @param events scheduling points executed, over all executions
 * @param maxDepth most events in one execution
 * @param wallMillis elapsed wall time
 * @param peakHeapBytes largest heap use sampled during the search
 * @param startedAt when the search started (wall clock); null if unknown
 * @param finishedAt when it finished, counterexample traces built; null if unknown
 */
public record Statistics(long executions, long completed, long deadlocked, long sleepBlocked, long bounded,
    long violations, long events, int maxDepth, long wallMillis, long peakHeapBytes, Instant startedAt,
    Instant finishedAt) {

  /** Without timestamps. */
  public Statistics(long executions, long completed, long deadlocked, long sleepBlocked, long bounded,
      long violations, long events, int maxDepth, long wallMillis, long peakHeapBytes) {
    this(executions, completed, deadlocked, sleepBlocked, bounded, violations, events, maxDepth, wallMillis,
        peakHeapBytes, null, null);
  }

  /** The same figures with start and end timestamps. */
  public Statistics withTimes(Instant started, Instant finished) {
    return new Statistics(executions, completed, deadlocked, sleepBlocked, bounded, violations, events, maxDepth,
        wallMillis, peakHeapBytes, started, finished);
  }

  public double executionsPerSecond() {
    return wallMillis == 0 ? executions * 1000.0 : executions * 1000.0 / wallMillis;
  }

  public double eventsPerSecond() {
    return wallMillis == 0 ? events * 1000.0 : events * 1000.0 / wallMillis;
  }
}
