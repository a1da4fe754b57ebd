package dev.mmcheck.engine;

import java.util.List;

/**
 * The outcome of a search. Match it with an exhaustive {@code switch}:
 *
 * <pre>{@code
 * switch (result) {
 *   case Result.Verified v -> ...
 *   case Result.ViolationsFound f -> ...
 *   case Result.BoundReached b -> ...
 *   case Result.ModelError e -> ...
 * }
 * }</pre>
 */
public sealed interface Result {
  /** The figures of the search; null only for a model error before the search started. */
  Statistics statistics();

  /** The same result with other statistics (e.g. with timestamps added). */
  default Result withStatistics(Statistics s) {
    return switch (this) {
      case Verified v -> new Verified(s);
      case ViolationsFound f -> new ViolationsFound(f.violations(), f.boundsHit(), s);
      case BoundReached b -> new BoundReached(b.boundsHit(), s);
      case ModelError e -> new ModelError(e.message(), e.context(), s);
    };
  }

  /** Every execution was explored (no bound cut the search) and no property was violated. */
  record Verified(Statistics statistics) implements Result {}

  /**
   * At least one violation. {@code boundsHit} lists bounds that cut the search (so more
   * violations may exist); in stop-on-first mode the search simply stopped.
   */
  record ViolationsFound(List<Counterexample> violations, List<Bound> boundsHit, Statistics statistics)
      implements Result {
    public ViolationsFound {
      violations = List.copyOf(violations);
      boundsHit = List.copyOf(boundsHit);
    }

    public Counterexample first() {
      return violations.get(0);
    }
  }

  /** No violation found, but a bound cut the search: not exhaustive. */
  record BoundReached(List<Bound> boundsHit, Statistics statistics) implements Result {
    public BoundReached {
      boundsHit = List.copyOf(boundsHit);
    }
  }

  /**
   * The model misbehaved: it diverged from a schedule it was replaying (nondeterminism, or a
   * changed model), its setup failed, or a thread never reached a scheduling point.
   * {@code context} is the partial execution, when one exists.
   */
  record ModelError(String message, Counterexample context, Statistics statistics) implements Result {}
}
