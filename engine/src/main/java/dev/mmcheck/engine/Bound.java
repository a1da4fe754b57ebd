package dev.mmcheck.engine;

/** A bound that cut the search, making the result not exhaustive. */
public enum Bound {
  MAX_EXECUTIONS("search.max_executions"),
  TIME_LIMIT("search.time_limit"),
  DEPTH_LIMIT("search.depth_limit"),
  PREEMPTION_BOUND("search.preemption_bound"),
  /** Busy-wait iterations beyond the limit were not explored ({@link ExecutionEnd#SPIN_BOUND}). */
  SPIN_LIMIT("search.spin_limit"),
  /** The search was stopped from outside ({@link Checker.Control#interrupt}, Ctrl-C in the CLI). */
  INTERRUPTED("interrupted");

  private final String configKey;

  Bound(String configKey) {
    this.configKey = configKey;
  }

  /** The config key that sets this bound. */
  public String configKey() {
    return configKey;
  }
}
