package dev.mmcheck.engine;

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
 */
public record Statistics(long executions, long completed, long deadlocked, long sleepBlocked, long bounded,
    long violations, long events, int maxDepth, long wallMillis, long peakHeapBytes) {

  public double executionsPerSecond() {
    return wallMillis == 0 ? executions * 1000.0 : executions * 1000.0 / wallMillis;
  }

  public double eventsPerSecond() {
    return wallMillis == 0 ? events * 1000.0 : events * 1000.0 / wallMillis;
  }
}
