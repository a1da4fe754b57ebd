package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Lock-necessity analysis: "is this lock needed?" answered by the checker. On a scenario that
 * verifies, it records every {@link Site} the search executes (lock acquisitions with their
 * releases, and re-checks marked with {@link Sched#recheck}), then re-runs the search once per
 * site with that site removed by the engine ({@link SiteAnalysis}: the model is not edited). A
 * site whose removal lets a property be violated is <em>load-bearing</em>; one without which the
 * scenario still verifies is <em>redundant</em> for these properties and this scenario.
 *
 * <p>With pairs, it also removes two individually redundant sites together (locks that cover
 * for each other, as kswapd's BKL and the vmlist lock do in 1999), at most
 * {@link Options#maxPairs()} pairs, in site order (first executed first); the report says when
 * that bound cut the pairs.
 *
 * <pre>{@code
 * NecessityReport r = Necessity.run(Checker.of(scenario).withListenerFactory(() -> List.of(new DeadlockFreedom())),
 *     Necessity.Options.singles(), new Checker.Control(), msg -> {});
 * }</pre>
 *
 * <p>Each search uses the checker's options and a fresh set of listeners from its factory
 * ({@link Checker#withListenerFactory}; without one, properties that keep state across
 * executions would carry it from one search to the next). Deterministic for a deterministic
 * model. Runs on the calling thread; not thread-safe.
 */
public final class Necessity {
  /**
   * @param frames model frames per site location (1 = the acquire call itself; 2 tells apart the
   *     callers of a lock helper)
   * @param pairs also try pairs of individually redundant sites
   * @param maxPairs at most this many pairs
   */
  public record Options(int frames, boolean pairs, int maxPairs) {
    public Options {
      if (frames < 1 || maxPairs < 0) {
        throw new IllegalArgumentException("frames must be >= 1 and maxPairs >= 0");
      }
    }

    /** Single sites, innermost frame. */
    public static Options singles() {
      return new Options(1, false, 0);
    }
  }

  private Necessity() {}

  /**
   * Runs the analysis. {@code progress} gets one line before each search (for a progress
   * display). If the baseline does not verify, the report has no rows ({@link
   * NecessityReport#analysed()} is false).
   */
  public static NecessityReport run(Checker checker, Options o, Checker.Control control, Consumer<String> progress) {
    Objects.requireNonNull(checker);
    SiteAnalysis recording = SiteAnalysis.recording(o.frames());
    progress.accept("baseline: recording sites");
    Result baseline = checker.withSiteAnalysis(recording).run(control);
    List<Site> sites = recording.executed();
    boolean analysed = baseline instanceof Result.Verified || baseline instanceof Result.BoundReached;
    List<NecessityReport.Row> rows = new ArrayList<>();
    List<NecessityReport.Row> pairs = new ArrayList<>();
    int candidates = 0;
    if (analysed) {
      for (int i = 0; i < sites.size() && !control.interrupted(); i++) {
        progress.accept("site " + (i + 1) + "/" + sites.size() + ": without " + sites.get(i).describe());
        rows.add(without(checker, recording, List.of(sites.get(i)), control));
      }
      if (o.pairs() && !control.interrupted()) {
        List<Site> redundant = new ArrayList<>();
        for (NecessityReport.Row r : rows) {
          if (r.verdict() instanceof NecessityReport.Verdict.Redundant) {
            redundant.add(r.removed().get(0));
          }
        }
        candidates = redundant.size() * (redundant.size() - 1) / 2;
        outer:
        for (int i = 0; i < redundant.size(); i++) {
          for (int j = i + 1; j < redundant.size(); j++) {
            if (pairs.size() >= o.maxPairs() || control.interrupted()) {
              break outer;
            }
            progress.accept("pair " + (pairs.size() + 1) + "/" + Math.min(candidates, o.maxPairs()) + ": without "
                + redundant.get(i).describe() + " and " + redundant.get(j).describe());
            pairs.add(without(checker, recording, List.of(redundant.get(i), redundant.get(j)), control));
          }
        }
      }
    }
    rows.sort(NecessityReport.Row.ORDER);
    pairs.sort(NecessityReport.Row.ORDER);
    return new NecessityReport(baseline, sites, rows, pairs, o.pairs(), candidates, o.maxPairs(), o.frames(),
        control.interrupted());
  }

  private static NecessityReport.Row without(Checker checker, SiteAnalysis recording, List<Site> removed,
      Checker.Control control) {
    Result r = checker.withSiteAnalysis(recording.removing(removed)).run(control);
    NecessityReport.Verdict v = switch (r) {
      case Result.Verified ok -> new NecessityReport.Verdict.Redundant();
      case Result.ViolationsFound f -> new NecessityReport.Verdict.Needed(f.first());
      case Result.BoundReached b -> new NecessityReport.Verdict.NoViolationWithinBounds(b.boundsHit());
      case Result.ModelError e -> new NecessityReport.Verdict.ModelError(e.message());
    };
    Statistics st = r.statistics();
    return new NecessityReport.Row(removed, v, st == null ? 0 : st.executions(), st == null ? 0 : st.wallMillis());
  }
}
