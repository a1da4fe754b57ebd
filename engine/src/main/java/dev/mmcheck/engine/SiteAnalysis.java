package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Site recording and removal for a search ({@link Checker#withSiteAnalysis}): records every
 * {@link Site} that model threads execute, and makes the engine behave as if the sites in
 * {@link #removed()} were deleted from the model's code.
 *
 * <p><b>Removing a lock site.</b> An acquisition call at a removed site (blocking, trylock,
 * read or write) does nothing: it is not a scheduling point, emits no event, does not block,
 * adds no held-lock entry, and lock listeners (so {@code lock-order} and the held-lock
 * properties) never see it; a trylock returns true. Its <em>matching release</em> is skipped
 * the same way: the release of the same lock object by the same thread that closes it, pairing
 * acquisitions and releases innermost first (for a range lock: of the same range and mode), which
 * for unnested use is simply the thread's next release of that lock. A {@code downgrade_write}
 * of a removed {@code down_write} is skipped too (its {@code up_read} then matches the removed
 * acquisition). A release by a thread that has no matching acquisition (taken in setup, or by
 * another thread, as a semaphore can be) is performed as usual. Sites are lock acquisitions of
 * {@link Semaphore} (not signal semaphores), {@link RwSemaphore}, {@link Mutex},
 * {@link SpinLock}, {@link BitLock}, {@link GiantLock} (including recursive inner levels, which
 * have no event), {@link RangeLock}, the RCU read side ({@link Rcu#readLock}) and the seqcount
 * write side ({@link SeqCount#writeBegin}). Acquisitions made by {@link Scenario#setup} are not
 * sites.
 *
 * <p><b>Removing a guard site.</b> {@link Sched#recheck} at a removed guard returns false.
 *
 * <p><b>Cost.</b> Knowing an acquisition's site needs a stack walk, which the engine does only
 * when a site analysis is attached: a normal search walks no stacks.
 *
 * <p>Thread-safety: the configuration is immutable; the record of executed sites is
 * synchronised, so it may be read from another thread after (or during) the search.
 */
public final class SiteAnalysis {
  private final Set<Site> removed;
  private final int frames;
  private final Set<Site> executed = new LinkedHashSet<>();

  private SiteAnalysis(Set<Site> removed, int frames) {
    if (frames < 1) {
      throw new IllegalArgumentException("site frames must be at least 1, not " + frames);
    }
    this.removed = Set.copyOf(removed);
    this.frames = frames;
  }

  /** Records the executed sites, removes none; a site's location is its innermost model frame. */
  public static SiteAnalysis recording() {
    return new SiteAnalysis(Set.of(), 1);
  }

  /** Records the executed sites, removes none; a site's location is its {@code frames} innermost model frames. */
  public static SiteAnalysis recording(int frames) {
    return new SiteAnalysis(Set.of(), frames);
  }

  /** A fresh analysis (nothing recorded yet) with the same frames that removes {@code sites}. */
  public SiteAnalysis removing(Collection<Site> sites) {
    return new SiteAnalysis(new LinkedHashSet<>(sites), frames);
  }

  /** The sites this analysis removes (unordered, immutable). */
  public Set<Site> removed() {
    return removed;
  }

  /** How many model frames make a site's location. */
  public int frames() {
    return frames;
  }

  /**
   * The sites executed by model threads so far, in the order first executed (deterministic for
   * a deterministic model and search). Includes removed sites that were reached.
   */
  public synchronized List<Site> executed() {
    return List.copyOf(new ArrayList<>(executed));
  }

  synchronized void executedSite(Site s) {
    executed.add(s);
  }

  boolean isRemoved(Site s) {
    return removed.contains(s);
  }
}
