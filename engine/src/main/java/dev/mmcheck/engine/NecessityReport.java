package dev.mmcheck.engine;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Necessity} found: the baseline search, and for each executed site (and, with
 * pairs, each pair of individually redundant sites) the verdict of the search without it.
 * Immutable.
 *
 * @param baseline the search with nothing removed (which recorded the sites)
 * @param sites every site the baseline executed, in the order first executed
 * @param rows one per site, load-bearing first ({@link Row#ORDER})
 * @param pairs one per pair tried, load-bearing first; empty without pairs
 * @param pairsRequested whether pairs were asked for
 * @param pairCandidates pairs of individually redundant sites there were
 * @param maxPairs the bound on pairs tried; {@code pairs.size() < pairCandidates} means the bound
 *     cut the pair analysis
 * @param frames model frames per site location ({@link SiteAnalysis#frames()})
 * @param interrupted the analysis was stopped before it finished (rows may be missing)
 */
public record NecessityReport(Result baseline, List<Site> sites, List<Row> rows, List<Row> pairs,
    boolean pairsRequested, int pairCandidates, int maxPairs, int frames, boolean interrupted) {
  public NecessityReport {
    Objects.requireNonNull(baseline);
    sites = List.copyOf(sites);
    rows = List.copyOf(rows);
    pairs = List.copyOf(pairs);
  }

  /** True if the baseline verified (exhaustively or within its bounds), so rows were computed. */
  public boolean analysed() {
    return baseline instanceof Result.Verified || baseline instanceof Result.BoundReached;
  }

  /** True if the pair analysis tried fewer pairs than there were, because of {@link #maxPairs}. */
  public boolean pairsCut() {
    return pairsRequested && pairs.size() < pairCandidates;
  }

  /**
   * The search with {@code removed} (one site, or two for a pair) left out.
   *
   * @param removed the sites removed, in site order
   * @param verdict what the search found
   * @param executions executions of that search
   * @param wallMillis its wall time
   */
  public record Row(List<Site> removed, Verdict verdict, long executions, long wallMillis) {
    /** Load-bearing first, then inconclusive, then redundant; stable within each. */
    public static final java.util.Comparator<Row> ORDER = java.util.Comparator.comparingInt(r -> r.verdict().rank());

    public Row {
      removed = List.copyOf(removed);
    }
  }

  /** The verdict of a search with sites removed. Match with an exhaustive switch. */
  public sealed interface Verdict {
    /** 0 load-bearing, 1 inconclusive, 2 redundant: the table order. */
    int rank();

    /** The site is load-bearing: without it a property is violated. */
    record Needed(Counterexample counterexample) implements Verdict {
      public int rank() {
        return 0;
      }
    }

    /** No violation but a bound cut the search: redundant only as far as the search went. */
    record NoViolationWithinBounds(List<Bound> boundsHit) implements Verdict {
      public NoViolationWithinBounds {
        boundsHit = List.copyOf(boundsHit);
      }

      public int rank() {
        return 1;
      }
    }

    /** The model failed without the site (e.g. it relies on holding the lock to be well-formed). */
    record ModelError(String message) implements Verdict {
      public int rank() {
        return 1;
      }
    }

    /** Still verified without the site: it is redundant (for these properties and this scenario). */
    record Redundant() implements Verdict {
      public int rank() {
        return 2;
      }
    }
  }
}
