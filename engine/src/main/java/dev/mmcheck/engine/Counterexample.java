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
 */
public record Counterexample(Violation violation, ExecutionEnd end, int execution, Schedule schedule,
    List<TraceEvent> trace, List<ThreadRef> threads) {
  public Counterexample {
    trace = List.copyOf(trace);
    threads = List.copyOf(threads);
  }
}
