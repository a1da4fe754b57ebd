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
   * innermost first, at most {@code max}. Costs a stack walk: never call it on every event (use
   * {@link #stackAt} or {@link #witness} with the event's index when something is reported).
   */
  List<StackTraceElement> modelStack(int max);

  /**
   * The model stack of executed event {@code eventIndex} of this execution: the frames of the
   * thread that executed it as they were during its callbacks (what {@link #modelStack} would
   * have returned there), innermost first, at most 8. For the event whose callbacks are
   * running this is one stack walk; for an earlier event the engine replays this execution's
   * schedule up to the latest event on new virtual threads (the caller parks meanwhile) and
   * caches the stacks for the rest of the execution, so a property records event indices
   * ({@link Event#index()}) on the hot path and asks for stacks only when it reports.
   *
   * <p>The default, for contexts that cannot replay (test doubles), knows no stack and returns
   * an empty list.
   *
   * @throws IndexOutOfBoundsException if no such event has been executed
   */
  default List<StackTraceElement> stackAt(int eventIndex) {
    return List.of();
  }

  /**
   * A handle on {@link #stackAt stackAt(eventIndex)} that stays valid after this execution:
   * for a witness that may be shown in a later execution's report (a lock-order edge). Costs a
   * copy of the schedule prefix (no stack walk); the stack is built by a replay the first time
   * {@link Witness#stack()} is called, and witnesses taken in the same execution share that
   * replay. The default resolves {@link #stackAt} at once.
   *
   * @throws IndexOutOfBoundsException if no such event has been executed
   */
  default Witness witness(int eventIndex) {
    return Witness.of(eventIndex, executionNumber(), stackAt(eventIndex));
  }
}
