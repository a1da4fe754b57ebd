package dev.mmcheck.engine;

/**
 * A model thread as listeners and reports see it. {@code id} is the thread's index in the
 * execution (setup threads first, in registration order, then spawned threads in spawn
 * order); it is stable across executions with the same schedule prefix.
 */
public record ThreadRef(int id, String name) {
  @Override
  public String toString() {
    return name;
  }
}
