package dev.mmcheck.engine;

/** Model-thread life cycle and blocking. */
public interface ThreadListener extends Listener {
  default void threadStarted(ExecutionContext ctx, ThreadRef thread) {}

  /** The thread's body returned normally; {@code held} is what it still holds. */
  default void threadFinished(ExecutionContext ctx, ThreadRef thread, java.util.List<Held> held) {}

  /** The thread's body threw {@code error} (not a checker-internal signal). */
  default void threadFailed(ExecutionContext ctx, ThreadRef thread, Throwable error) {}

  /**
   * The thread is about to perform an operation that may sleep ({@code op} on
   * {@code object}), before it is scheduled or blocks: the place of the kernel's
   * {@code might_sleep()} check. {@code held} is what the thread holds.
   */
  default void aboutToSleep(ExecutionContext ctx, ThreadRef thread, String op, String object, java.util.List<Held> held) {}

  /** The thread's next operation became disabled (it waits for {@code on}). */
  default void threadBlocked(ExecutionContext ctx, ThreadRef thread, SyncObject on) {}

  /** The thread's next operation became enabled again. */
  default void threadUnblocked(ExecutionContext ctx, ThreadRef thread) {}
}
