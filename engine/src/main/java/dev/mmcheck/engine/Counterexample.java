package dev.mmcheck.engine;

import java.util.List;

/**
 * A violation with the execution that shows it.
 *
 * @param violation what broke
 * @param end how the execution ended (VIOLATION, or DEADLOCK for a deadlock)
 * @param execution the number of the execution in the search
 * @param schedule the schedule that reproduces it ({@link Checker#replay})
 * @param trace the events with model source locations and held locks
 * @param threads the threads of the execution
 * @param pending the threads that had not finished at the end, with what each was about to do
 *     (blocked acquisitions, with their source line), in thread order; may be empty
 * @param waitCycle for a deadlock, the threads of the wait-for cycle in cycle order (each waits
 *     for the next, the last for the first); empty otherwise
 * @param conflict the events whose order the violation depends on ({@link Conflict}); null if
 *     no rule applies
 * @param preemptions scheduling decisions that switched away from a thread that could have
 *     continued; -1 if unknown
 * @param contextSwitches scheduling decisions that switched threads; -1 if unknown
 * @param minimization how it was minimised ({@code search.minimize}); null if it is the first
 *     counterexample found
 */
public record Counterexample(Violation violation, ExecutionEnd end, int execution, Schedule schedule,
    List<TraceEvent> trace, List<ThreadRef> threads, List<PendingOp> pending, List<ThreadRef> waitCycle,
    Conflict conflict, int preemptions, int contextSwitches, Minimization minimization) {
  public Counterexample {
    trace = List.copyOf(trace);
    threads = List.copyOf(threads);
    pending = List.copyOf(pending);
    waitCycle = List.copyOf(waitCycle);
  }

  /** Not minimised. */
  public Counterexample(Violation violation, ExecutionEnd end, int execution, Schedule schedule,
      List<TraceEvent> trace, List<ThreadRef> threads, List<PendingOp> pending, List<ThreadRef> waitCycle,
      Conflict conflict, int preemptions, int contextSwitches) {
    this(violation, end, execution, schedule, trace, threads, pending, waitCycle, conflict, preemptions,
        contextSwitches, null);
  }

  /** Without the analysis of the end state (no pending operations, cycle, conflict or counts). */
  public Counterexample(Violation violation, ExecutionEnd end, int execution, Schedule schedule,
      List<TraceEvent> trace, List<ThreadRef> threads) {
    this(violation, end, execution, schedule, trace, threads, List.of(), List.of(), null, -1, -1);
  }

  /** The same counterexample with another schedule (e.g. with the config in its meta). */
  public Counterexample withSchedule(Schedule s) {
    return new Counterexample(violation, end, execution, s, trace, threads, pending, waitCycle, conflict,
        preemptions, contextSwitches, minimization);
  }

  /** The same counterexample marked as the result of minimisation {@code m}. */
  public Counterexample withMinimization(Minimization m) {
    return new Counterexample(violation, end, execution, schedule, trace, threads, pending, waitCycle, conflict,
        preemptions, contextSwitches, m);
  }
}
