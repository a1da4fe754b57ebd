package dev.mmcheck.engine;

import java.util.List;

/**
 * Where one event of one execution happened, kept cheaply and resolved only when needed: the
 * model stack of that event (innermost first, at most {@link Replayer#STACK_DEPTH} frames, the
 * same frames {@link ExecutionContext#modelStack} gives inside that event's callbacks).
 *
 * <p>Made by {@link ExecutionContext#witness}: creating one copies the execution's schedule up
 * to the event (no stack walk); {@link #stack()} replays that schedule prefix once, the first
 * time it is called, and keeps the result. So a property can remember a witness for every
 * lock-order edge it records and pay for stacks only when one of them is shown in a report. A
 * witness stays valid after its execution has ended (it does not keep the execution alive: only
 * the scenario and the prefix's decisions). The replay runs on new virtual threads while the
 * caller parks, so {@link #stack()} may be called from a listener callback of a later
 * execution.
 *
 * <p>Determinism: the model is deterministic for a given schedule (the {@link Scenario}
 * contract), so the replayed stack is the one the event had. If the replay diverges (a
 * nondeterministic model), the stack is empty. Thread-safe: witnesses of one execution share
 * one replay, made once.
 */
public final class Witness {
  private final PrefixReplay replay;
  private final int event;
  private final int execution;
  private volatile List<StackTraceElement> resolved;

  Witness(PrefixReplay replay, int event, int execution) {
    this.replay = replay;
    this.event = event;
    this.execution = execution;
  }

  /** A witness whose stack is already known (e.g. from a context that cannot replay). */
  public static Witness of(int event, int execution, List<StackTraceElement> stack) {
    Witness w = new Witness(null, event, execution);
    w.resolved = List.copyOf(stack);
    return w;
  }

  /** Index of the event in its execution's trace, from 0. */
  public int event() {
    return event;
  }

  /** 1-based number of the execution the event belongs to. */
  public int execution() {
    return execution;
  }

  /**
   * The model stack of the event, innermost first (empty if the model has no frame there or a
   * replay diverged). The first call replays the schedule prefix; later calls cost nothing.
   */
  public List<StackTraceElement> stack() {
    if (resolved == null) {
      resolved = replay.stackAt(event);
    }
    return resolved;
  }

  @Override
  public String toString() {
    return "event " + event + " of execution " + execution;
  }
}
