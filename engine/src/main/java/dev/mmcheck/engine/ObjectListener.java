package dev.mmcheck.engine;

/** Allocation, free and use of {@link Tracked} objects. */
public interface ObjectListener extends Listener {
  default void objectAllocated(ExecutionContext ctx, Event event, Tracked object) {}

  default void objectFreed(ExecutionContext ctx, Event event, Tracked object) {}

  /**
   * {@code object} was used (one of its cells read or written, or an explicit
   * {@link Tracked#access}). {@link Tracked#isFreed()} tells whether it had been freed.
   */
  default void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {}
}
