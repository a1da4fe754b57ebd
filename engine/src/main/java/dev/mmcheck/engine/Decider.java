package dev.mmcheck.engine;

/** The explorer's side of a scheduling decision (a fresh DFS step, or a replayed one). */
interface Decider {
  /**
   * Picks the thread whose pending op runs as event {@code ex.eventCount()}.
   *
   * @param enabled bit i set if thread i's pending op is enabled (never 0)
   * @param prev the thread that ran last and is still unfinished, or -1
   * @return a thread id, or -1 to prune this execution (sleep-set blocked, preemption bound),
   *     or -2 after calling {@link Execution#modelError} (divergence)
   */
  int pick(Execution ex, long enabled, int prev);

  /** The value of the {@code choose(n)} executed as event {@code index}. */
  int choose(Execution ex, int index, int n);
}
