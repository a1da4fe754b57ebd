package dev.mmcheck.cli.cluster;

import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.Violation;
import java.io.Serializable;
import java.util.List;

/**
 * What a member sends back for one subtree: the search's figures, the bounds that cut it, and
 * for each distinct violation its key, the violation and the schedule that shows it (the
 * submitter replays the schedule to rebuild the counterexample, so traces print exactly as in a
 * local run). Immutable; serialised with Java serialisation by Hazelcast.
 *
 * @param index the subtree's position in the split (depth-first order)
 * @param member the member that ran it, {@code host:port}
 * @param executions ... the figures of {@link dev.mmcheck.engine.Statistics}
 * @param bounds names of the {@link dev.mmcheck.engine.Bound}s that cut the subtree search
 * @param found one per violation key, in the order the subtree search found them
 * @param modelError the subtree search's model error, or null
 * @param modelErrorSchedule the schedule up to the model error, or null
 * @param setupError the member could not run the task (its config did not load there), or null
 */
public record SubtreeResult(int index, String member, long executions, long completed, long deadlocked,
    long sleepBlocked, long bounded, long violations, long events, int maxDepth, long peakHeapBytes,
    List<String> bounds, List<Found> found, String modelError, Schedule modelErrorSchedule, String setupError)
    implements Serializable {
  public SubtreeResult {
    bounds = List.copyOf(bounds);
    found = List.copyOf(found);
  }

  /**
   * A violation found in the subtree.
   *
   * @param violation what broke (its {@link Violation#key()} identifies it)
   * @param end how that execution ended
   * @param execution the execution's number within the subtree search (1 = its first)
   * @param schedule the decisions up to the violation, as the search records them
   */
  public record Found(Violation violation, ExecutionEnd end, int execution, Schedule schedule)
      implements Serializable {}

  /** A member-side failure to run the task at all. */
  static SubtreeResult setupError(int index, String member, String message) {
    return new SubtreeResult(index, member, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of(), List.of(), null, null, message);
  }
}
