package dev.mmcheck.engine;

import java.util.List;

/**
 * How the explorer prunes: the one search loop ({@link Explorer}) is shared, the reduction is
 * injected. {@link OptimalDpor} explores one execution per Mazurkiewicz trace (wakeup trees);
 * {@link SourceDpor} uses source sets and may run sleep-set-blocked executions;
 * {@link Exhaustive} explores every interleaving of enabled threads (the reference that tests
 * the others).
 *
 * <p>Contract: every method is called by the explorer's thread only. Branch choices are
 * thread ids; a thread returned by {@link #first} or {@link #nextThread} must be enabled at
 * the node and not asleep there. Choice values of a {@code choose} at a node are all explored.
 */
sealed interface Reduction permits SourceDpor, OptimalDpor, Exhaustive {
  /** Whether sleep sets are used. */
  boolean sleepSets();

  /**
   * A fresh node: which thread runs first. {@code candidates} are its enabled threads that are
   * not asleep (never 0), {@code preferred} the thread to continue if possible (fewer
   * preemptions) or -1. {@code parent} is the previous node, or null at the root.
   */
  int first(Node node, Node parent, long candidates, int preferred);

  /** The first value explored for the chosen thread's {@code choose(n)} at a fresh node. */
  int initialChoice(Node node, int n);

  /** The next value of the chosen thread's {@code choose} at {@code node} not in {@code node.choicesDone}, or -1. */
  int nextChoice(Node node);

  /** After the chosen thread was fully explored at {@code node}: the next thread, or -1. */
  int nextThread(Node node);

  /** What {@code tid}'s event at {@code node} was seen doing when it was scheduled for exploration, or null. */
  default Node.Expect expected(Node node, int tid) {
    return null;
  }

  /** The explorer cannot take {@code tid} at {@code node} (preemption bound): forget it. */
  void drop(Node node, int tid);

  /** Called after each execution with its trace and the path that produced it; events before {@code from} were replayed. */
  void afterExecution(Execution ex, List<Node> path, int from);

  /** Wakeup sequences that could not be followed (an event disabled): their node was fully expanded instead. */
  default long fallbacks() {
    return 0;
  }

  /** Drops references to the last execution. */
  default void release() {}

  static Reduction of(SearchOptions.Strategy s) {
    return switch (s) {
      case DPOR -> new OptimalDpor();
      case SOURCE_DPOR -> new SourceDpor();
      case EXHAUSTIVE -> new Exhaustive();
    };
  }
}
