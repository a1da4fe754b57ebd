package dev.mmcheck.engine;

import java.util.List;

/**
 * Follows a recorded {@link Schedule}: used to build a counterexample's trace (with model
 * source locations, which the fast search does not collect) and by {@link Checker#replay}.
 * Any difference between the schedule and what the model does is a divergence.
 */
final class Replayer implements Decider {
  private final Schedule schedule;

  Replayer(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public int pick(Execution ex, long enabled, int prev) {
    int n = ex.eventCount();
    if (n >= schedule.steps().size()) {
      return -1;
    }
    Schedule.Step s = schedule.steps().get(n);
    ModelThread t = null;
    for (ModelThread c : ex.threadList()) {
      if (c.name.equals(s.threadName())) {
        t = c;
      }
    }
    if (t == null) {
      return ex.modelError(diverged(n, s, "thread " + s.threadName() + " does not exist"));
    }
    if ((enabled & (1L << t.id)) == 0) {
      return ex.modelError(diverged(n, s, t.name + " is " + (t.finished ? "finished" : "blocked in " + t.pending)));
    }
    if (!t.name.equals(s.threadName()) || !t.pending.name().equals(s.op()) || !t.pending.objectName().equals(s.object())) {
      return ex.modelError(diverged(n, s, t.name + " does " + t.pending));
    }
    return t.id;
  }

  @Override
  public int choose(Execution ex, int index, int n) {
    int c = schedule.steps().get(index).choice();
    if (c < 0 || c >= n) {
      ex.modelError("the model diverged from the schedule at event " + index + ": choose(" + n
          + ") where the schedule has choice " + c);
      return -1;
    }
    return c;
  }

  private static String diverged(int n, Schedule.Step s, String now) {
    return "the model diverged from the schedule at event " + n + ": the schedule has " + s.threadName()
        + " do " + s.op() + "(" + s.object() + "), but " + now
        + " (the model changed, or it is nondeterministic)";
  }

  /** Replays {@code schedule} without listeners, capturing the trace. */
  static Counterexample capture(Scenario scenario, Schedule schedule, int depthLimit, Violation v,
      ExecutionEnd originalEnd, int executionNumber) {
    Execution ex = new Execution(new Replayer(schedule), Dispatch.NONE, executionNumber, depthLimit, true,
        new ThreadIds(), false);
    ex.run(scenario);
    Violation shown = v;
    if (shown == null) {
      shown = new Violation("model", ex.errorMessage == null ? "model error" : ex.errorMessage, List.of(),
          ex.eventCount() - 1, "-");
    }
    return new Counterexample(shown, originalEnd, executionNumber, schedule, ex.trace, ex.threads());
  }
}
