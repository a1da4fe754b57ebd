package dev.mmcheck.engine;

import java.util.List;

/**
 * The wait-for relation at a deadlock: each blocked thread, the object it waits for and the
 * threads that hold it. {@link #cycle} is a cycle in that relation when one exists (it may be
 * empty, e.g. when a thread waits for a completion nobody will signal).
 */
public record WaitFor(List<Edge> edges, List<Edge> cycle) {
  /**
   * {@code waiter} waits in {@code op} on {@code on}, which {@code holders} hold. For a thread
   * that busy-waits ({@code spinning}), {@code on} is a cell it keeps reading and nobody holds it.
   */
  public record Edge(ThreadRef waiter, String op, ModelObject on, List<ThreadRef> holders, boolean spinning) {
    public Edge(ThreadRef waiter, String op, ModelObject on, List<ThreadRef> holders) {
      this(waiter, op, on, holders, false);
    }

    @Override
    public String toString() {
      if (spinning) {
        return waiter + " busy-waits reading " + op + " and no other thread writes it";
      }
      return waiter + " waits in " + op + "(" + on.name() + ")"
          + (holders.isEmpty() ? "" : " held by " + holders);
    }
  }

  /** True if some thread busy-waits for a write nobody can make (a livelock, not a blocked lock). */
  public boolean livelock() {
    for (Edge e : edges) {
      if (e.spinning()) {
        return true;
      }
    }
    return false;
  }

  /** A one-line summary such as {@code t1 -> mmap_sem -> t2 -> i_mutex -> t1}. */
  public String summary() {
    List<Edge> es = cycle.isEmpty() ? edges : cycle;
    StringBuilder sb = new StringBuilder();
    for (Edge e : es) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(e);
    }
    return sb.toString();
  }
}
