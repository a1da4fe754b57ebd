package dev.mmcheck.engine;

/**
 * A scheduling decision on the current exploration path: the state before event
 * {@code index} of the execution. Thread sets are bit masks (at most 64 threads).
 */
final class Node {
  /** Threads whose pending op was enabled here. */
  final long enabled;
  /** Each thread's pending op here (null for finished threads). */
  final Op[] pending;
  /** Sleep set on arrival: threads whose exploration from here is redundant. */
  final long sleep;
  /** The thread that ran the previous event, if still unfinished, else -1. */
  final int prev;
  /** Preemptions on the path before this decision. */
  final int preemptionsBefore;
  /** Threads to explore from here (DPOR backtrack set; all enabled threads for plain DFS). */
  long backtrack;
  /** Threads fully explored from here. */
  long done;
  /** The thread explored now. */
  int chosen;
  /** If the chosen thread's op is {@code choose(n)}: n, and the value explored now. */
  int choiceCount;
  int choiceValue;

  Node(long enabled, Op[] pending, long sleep, int prev, int preemptionsBefore) {
    this.enabled = enabled;
    this.pending = pending;
    this.sleep = sleep;
    this.prev = prev;
    this.preemptionsBefore = preemptionsBefore;
  }

  boolean preempts(int tid) {
    return prev >= 0 && tid != prev && (enabled & (1L << prev)) != 0;
  }

  int preemptionsAfter() {
    return preemptionsBefore + (preempts(chosen) ? 1 : 0);
  }
}
