package dev.mmcheck.engine;

/**
 * One scheduling decision of an execution: the thread that ran event {@code i} and, when that
 * event was a {@code choose}, the value it returned. A list of decisions is a schedule prefix,
 * naming a subtree of the exhaustive search ({@link SearchOptions#withSubtree}, {@link SearchSplit}).
 * Immutable and serialisable (subtrees travel to the members of a cluster).
 *
 * @param thread the stable thread id (as in {@link Schedule.Step#thread()}), at least 0
 * @param choice the value of the {@code choose} executed by this event, -1 if it is not a choose
 */
public record Decision(int thread, int choice) implements java.io.Serializable {
  public Decision {
    if (thread < 0 || choice < -1) {
      throw new IllegalArgumentException("bad decision: thread " + thread + ", choice " + choice);
    }
  }
}
