package dev.mmcheck.engine;

import java.util.List;

/**
 * The first decisions of one execution and, once asked for, the model stack of each of its
 * events, rebuilt by replaying them ({@link Replayer#stacks}). Shared by the {@link Witness}es
 * an execution hands out, so that all of them cost one replay. Keeps the scenario and the
 * decisions only, never the execution. Thread-safe (witnesses may be shared by the workers of a
 * parallel search): one replay, under a lock that parks a virtual thread rather than pinning it.
 */
final class PrefixReplay {
  private final Scenario scenario;
  private final List<Schedule.Step> steps;
  private final int depthLimit;
  private final java.util.concurrent.locks.ReentrantLock lock = new java.util.concurrent.locks.ReentrantLock();
  private List<List<StackTraceElement>> stacks;

  PrefixReplay(Scenario scenario, List<Schedule.Step> steps, int depthLimit) {
    this.scenario = scenario;
    this.steps = List.copyOf(steps);
    this.depthLimit = depthLimit;
  }

  /** Number of events this prefix covers. */
  int length() {
    return steps.size();
  }

  /** The model stack of event {@code i} (replays the prefix on the first call), or empty. */
  List<StackTraceElement> stackAt(int i) {
    List<List<StackTraceElement>> s;
    lock.lock();
    try {
      if (stacks == null) {
        stacks = List.copyOf(Replayer.stacks(scenario, steps, depthLimit));
      }
      s = stacks;
    } finally {
      lock.unlock();
    }
    return i >= 0 && i < s.size() ? s.get(i) : List.of();
  }
}
