package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the wait-for relation of a deadlocked execution and finds a cycle in it. A blocker
 * that holds the lock is a holder; one that only waits ahead of the thread in an rwsem's FIFO
 * queue is "queued ahead" (both edges count for the cycle).
 */
final class WaitForGraph {
  private WaitForGraph() {}

  static WaitFor of(List<ModelThread> threads) {
    List<WaitFor.Edge> edges = new ArrayList<>();
    Map<Integer, WaitFor.Edge> byWaiter = new HashMap<>();
    for (ModelThread t : threads) {
      if (!t.finished && t.started && t.pending != null && t.pending.code == OpCode.AWAIT
          && t.pending.target instanceof Cell<?> c) {
        WaitFor.Edge e = new WaitFor.Edge(t.ref, c.name() + " (= " + Values.show(c.peekQuietly()) + ")", c,
            List.of(), List.of(), true);
        edges.add(e);
        byWaiter.put(t.id, e);
        continue;
      }
      if (t.finished || !(t.pending.target instanceof SyncObject on)) {
        continue;
      }
      List<ThreadRef> holders = new ArrayList<>();
      List<ThreadRef> queued = new ArrayList<>();
      for (ModelThread h : on.blockers(t)) {
        List<ThreadRef> into = queuedAhead(h, on) ? queued : holders;
        if (!holders.contains(h.ref) && !queued.contains(h.ref)) {
          into.add(h.ref);
        }
      }
      WaitFor.Edge e = new WaitFor.Edge(t.ref, t.pending.name(), on, holders, queued);
      edges.add(e);
      byWaiter.put(t.id, e);
    }
    return new WaitFor(edges, findCycle(byWaiter));
  }

  /**
   * True if blocker {@code t} keeps others waiting on {@code lock} only by its place in the
   * rwsem's FIFO queue, not by holding it.
   */
  static boolean queuedAhead(ModelThread t, SyncObject lock) {
    if (!(lock instanceof RwSemaphore) && !(lock instanceof RangeLock)) {
      return false;
    }
    for (Held h : t.held) {
      if (h.lock() == lock) {
        return false;
      }
    }
    return true;
  }

  private static List<WaitFor.Edge> findCycle(Map<Integer, WaitFor.Edge> byWaiter) {
    for (WaitFor.Edge start : byWaiter.values()) {
      List<WaitFor.Edge> path = new ArrayList<>();
      List<Integer> seen = new ArrayList<>();
      List<WaitFor.Edge> c = dfs(start, byWaiter, path, seen);
      if (c != null) {
        return c;
      }
    }
    return List.of();
  }

  private static List<WaitFor.Edge> dfs(WaitFor.Edge e, Map<Integer, WaitFor.Edge> byWaiter,
      List<WaitFor.Edge> path, List<Integer> seen) {
    int idx = seen.indexOf(e.waiter().id());
    if (idx >= 0) {
      return List.copyOf(path.subList(idx, path.size()));
    }
    seen.add(e.waiter().id());
    path.add(e);
    for (ThreadRef h : e.blockers()) {
      WaitFor.Edge next = byWaiter.get(h.id());
      if (next != null) {
        List<WaitFor.Edge> c = dfs(next, byWaiter, path, seen);
        if (c != null) {
          return c;
        }
      }
    }
    path.remove(path.size() - 1);
    seen.remove(seen.size() - 1);
    return null;
  }
}
