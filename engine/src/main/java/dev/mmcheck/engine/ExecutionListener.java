package dev.mmcheck.engine;

/** Called at the start and end of every explored execution (one complete interleaving). */
public interface ExecutionListener extends Listener {
  /** A new execution starts; {@code ctx} stays valid until {@link #executionFinished}. */
  default void executionStarted(ExecutionContext ctx) {}

  /** The execution ended; {@code end} says how. */
  default void executionFinished(ExecutionContext ctx, ExecutionEnd end) {}

  /**
   * The runtime decided that the execution is deadlocked: no thread is enabled while some
   * thread has not finished. Called once, before {@link #executionFinished}; {@code cycle}
   * names the blocked threads, what each waits for and who holds it.
   */
  default void deadlock(ExecutionContext ctx, WaitFor cycle) {}
}
