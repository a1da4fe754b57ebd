package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The per-execution side of a {@link SiteAnalysis}: which acquisitions each thread has open,
 * and whether each was removed, so that a release can be matched with its acquisition. The
 * primitives call it (through {@link SyncObject}'s site hooks) only when an analysis is attached.
 * Not thread-safe: used by the running model thread only.
 */
final class SiteRun {
  /** An acquisition not yet released: which lock (and range key), removed or performed. */
  private record Open(SyncObject lock, Object key, boolean removed) {}

  private final SiteAnalysis analysis;
  @SuppressWarnings("unchecked")
  private final List<Open>[] open = new List[Execution.MAX_THREADS];

  SiteRun(SiteAnalysis analysis) {
    this.analysis = analysis;
  }

  /** The site of an acquisition of {@code lock} by {@code op} called from model code now. */
  private Site lockSite(SyncObject lock, OpCode op) {
    return Site.lock(lock.lockClass(), op.opName, location());
  }

  private String location() {
    List<StackTraceElement> frames = ModelFrames.current(analysis.frames());
    if (frames.isEmpty()) {
      return "?";
    }
    StringBuilder sb = new StringBuilder();
    for (StackTraceElement f : frames) {
      if (sb.length() > 0) {
        sb.append(" <- ");
      }
      sb.append(ModelFrames.format(f));
    }
    return sb.toString();
  }

  /**
   * An acquisition call: records its site and returns true if it is removed (the caller then
   * does nothing; the removal is remembered for the matching release).
   */
  boolean removedAcquire(ModelThread t, SyncObject lock, OpCode op, Object key) {
    Site s = lockSite(lock, op);
    analysis.executedSite(s);
    if (analysis.isRemoved(s)) {
      opens(t).add(new Open(lock, key, true));
      return true;
    }
    return false;
  }

  /** A performed acquisition succeeded. */
  void acquired(ModelThread t, SyncObject lock, Object key) {
    opens(t).add(new Open(lock, key, false));
  }

  /**
   * A release call: pops the innermost open acquisition of {@code lock} (with {@code key}) by
   * {@code t}; true if that acquisition was removed (skip the release).
   */
  boolean releaseSkipped(ModelThread t, SyncObject lock, Object key, boolean pop) {
    List<Open> mine = open[t.id];
    if (mine == null) {
      return false;
    }
    for (int i = mine.size() - 1; i >= 0; i--) {
      Open o = mine.get(i);
      if (o.lock == lock && java.util.Objects.equals(o.key, key)) {
        if (pop) {
          mine.remove(i);
        }
        return o.removed;
      }
    }
    return false;
  }

  /** A guard: records its site; true if it is removed. */
  boolean guardRemoved(String name) {
    Site s = Site.guard(name, location());
    analysis.executedSite(s);
    return analysis.isRemoved(s);
  }

  private List<Open> opens(ModelThread t) {
    List<Open> l = open[t.id];
    if (l == null) {
      l = new ArrayList<>(4);
      open[t.id] = l;
    }
    return l;
  }
}
