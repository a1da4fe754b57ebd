package dev.mmcheck.engine;

/** How one execution ended. Matched exhaustively; there is no default case. */
public enum ExecutionEnd {
  /** Every thread ran to the end. */
  COMPLETED,
  /** No thread was enabled while some had not finished. */
  DEADLOCK,
  /** A property reported a violation and the execution was stopped there. */
  VIOLATION,
  /** The execution was cut by the events-per-execution bound (or the preemption bound). */
  DEPTH_BOUND,
  /**
   * A thread repeated the same busy-wait iteration {@code search.spin_limit} times while
   * another thread could have run: the execution was cut (not exhaustive; see {@link Cell#awaitUntil}).
   */
  SPIN_BOUND,
  /** Every enabled thread was in the sleep set: this interleaving is redundant (DPOR). */
  SLEEP_BLOCKED,
  /** The model diverged from the schedule it was replaying, or the engine failed. */
  MODEL_ERROR
}
