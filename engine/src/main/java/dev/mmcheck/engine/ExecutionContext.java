package dev.mmcheck.engine;

import java.util.List;

/**
 * What a listener may ask of the execution in progress. Valid only during the callback that
 * received it (and between {@code executionStarted} and {@code executionFinished}); not
 * thread-safe, as callbacks never run concurrently.
 */
public interface ExecutionContext {
  /** 1-based number of this execution in the search. */
  int executionNumber();

  /** The thread running now (the one that caused the current event). */
  ThreadRef currentThread();

  /** All threads of this execution, by id. */
  List<ThreadRef> threads();

  /** Locks held by {@code thread}, in acquisition order. */
  List<Held> heldBy(ThreadRef thread);

  /** Number of events executed so far; during a callback for an event, that event's index + 1. */
  int eventCount();

  /**
   * Reports a violation of {@code property} at the current event. In stop-on-first mode the
   * execution is stopped after the current callback returns.
   */
  default void report(Property property, String message) {
    report(property, message, List.of());
  }

  /** As {@link #report(Property, String)}, with extra lines (witness stacks, ...). */
  void report(Property property, String message, List<String> details);

  /**
   * An object shared by every execution of this search, on every worker of a parallel search:
   * the one made by {@code make} the first time {@code key} is asked for. For state a listener
   * keeps across executions (the lock-order graph); it must be thread-safe, as workers run
   * concurrently. Per-execution state belongs in the listener itself (one instance per worker).
   */
  <T> T searchShared(String key, java.util.function.Supplier<T> make);

  /**
   * As {@link #report(Property, String, List)}, for a lock-order cycle with its structured
   * witness (reports print it lockdep-style). The default drops {@code cycle}.
   */
  default void report(Property property, String message, List<String> details, LockCycle cycle) {
    report(property, message, details);
  }

  /**
   * The model-code frames of the current thread's stack (engine and JDK frames removed),
   * innermost first, at most {@code max}. Costs a stack walk: call it when something new is
   * seen, not on every event.
   */
  List<StackTraceElement> modelStack(int max);
}
