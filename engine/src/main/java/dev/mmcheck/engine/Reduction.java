package dev.mmcheck.engine;

import java.util.List;

/**
 * How the explorer prunes: the one search loop ({@link Explorer}) is shared, the reduction is
 * injected. {@link Dpor} is source-DPOR with sleep sets; {@link Exhaustive} explores every
 * interleaving of enabled threads (a reference for testing the reduction).
 */
sealed interface Reduction permits Dpor, Exhaustive {
  /** Fills the backtrack set of a fresh node whose first explored thread is {@code node.chosen}. */
  void initBacktrack(Node node);

  /** Whether sleep sets are used. */
  boolean sleepSets();

  /** Called after each execution with its trace and the path that produced it. */
  void afterExecution(Execution ex, List<Node> path);

  static Reduction of(SearchOptions.Strategy s) {
    return switch (s) {
      case DPOR -> new Dpor();
      case EXHAUSTIVE -> new Exhaustive();
    };
  }
}
