package dev.mmcheck.engine;

/** What {@link Scenario#setup} uses to register the threads of an execution. */
public interface World {
  /**
   * Registers a model thread. Threads start in registration order (each runs up to its first
   * scheduling point before any other is scheduled). At most 64 threads per execution.
   */
  void thread(String name, Runnable body);
}
