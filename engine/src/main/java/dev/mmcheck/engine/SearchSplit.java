package dev.mmcheck.engine;

import java.util.List;

/**
 * The exhaustive search cut into independent parts ({@link Checker#split}), in the sequential
 * search's depth-first order: each {@link Item} is either a subtree to search
 * ({@link Prefix}: every execution that starts with its decisions, run with
 * {@link SearchOptions#withSubtree}) or an execution that ended before the split depth
 * ({@link Executed}: already run, with its figures and violations). Searching every prefix and
 * adding up the items gives exactly the executions, counts and violations of one exhaustive
 * search; taking, for each violation key, the first occurrence in item order gives the
 * counterexamples that search reports. Immutable.
 *
 * @param depth the decision depth at which executions were cut
 * @param items the parts, in depth-first order
 * @param trailingBounds bounds the split search noted after its last item (a thread dropped at a
 *     shallow decision by the preemption bound)
 * @param modelError the split search's own model error (nondeterminism, setup failure), or null;
 *     the items then stop where it happened
 * @param sharedState keys of the state that properties keep across executions
 *     ({@link ExecutionContext#searchShared}, e.g. {@code lock-order}'s graph) asked for during the
 *     split: such a property cannot be checked by independent subtree searches (a subtree search
 *     refuses it: {@link SearchOptions#withSubtree})
 */
public record SearchSplit(int depth, List<Item> items, List<Bound> trailingBounds, Result.ModelError modelError,
    List<String> sharedState) {
  public SearchSplit {
    items = List.copyOf(items);
    trailingBounds = List.copyOf(trailingBounds);
    sharedState = List.copyOf(sharedState);
  }

  /**
   * One part of the search. {@link #bounds()}: the bounds the split search noted since the
   * previous item up to and including this one (for a prefix: preemption-bound drops at the
   * decisions above it), so that bounds merge in depth-first order too.
   */
  public sealed interface Item permits Prefix, Executed {
    List<Bound> bounds();
  }

  /** A subtree: the executions of the exhaustive search that start with {@code decisions}. */
  public record Prefix(List<Decision> decisions, List<Bound> bounds) implements Item {
    public Prefix {
      decisions = List.copyOf(decisions);
      bounds = List.copyOf(bounds);
    }
  }

  /**
   * An execution that ended before the split depth, counted as the search counts it.
   *
   * @param end how it ended (never {@link ExecutionEnd#MODEL_ERROR}: that ends the split)
   * @param events its events
   * @param violations the violations it reported (all, including repeats)
   * @param counterexamples one per distinct violation key, in report order
   * @param bounds the bounds noted, including the one that cut this execution if any
   */
  public record Executed(ExecutionEnd end, int events, long violations, List<Counterexample> counterexamples,
      List<Bound> bounds) implements Item {
    public Executed {
      counterexamples = List.copyOf(counterexamples);
      bounds = List.copyOf(bounds);
    }

    /** This execution's figures, as a search of it alone would give them (no times, no heap). */
    public Statistics statistics() {
      return new Statistics(1, end == ExecutionEnd.COMPLETED ? 1 : 0, end == ExecutionEnd.DEADLOCK ? 1 : 0,
          end == ExecutionEnd.SLEEP_BLOCKED ? 1 : 0,
          end == ExecutionEnd.DEPTH_BOUND || end == ExecutionEnd.SPIN_BOUND ? 1 : 0, violations, events, events, 0, 0);
    }
  }

  /** The subtrees, in order. */
  public List<Prefix> prefixes() {
    return items.stream().filter(i -> i instanceof Prefix).map(i -> (Prefix) i).toList();
  }
}
