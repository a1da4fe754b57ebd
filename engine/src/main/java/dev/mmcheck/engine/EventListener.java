package dev.mmcheck.engine;

/** Called after every executed scheduling point (every event of the trace). */
public interface EventListener extends Listener {
  default void eventExecuted(ExecutionContext ctx, Event event) {}
}
