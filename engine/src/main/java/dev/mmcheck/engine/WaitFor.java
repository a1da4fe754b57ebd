package dev.mmcheck.engine;

import java.util.List;

/**
 * The wait-for relation at a deadlock: each blocked thread, the object it waits for and the
 * threads that hold it. {@link #cycle} is a cycle in that relation when one exists (it may be
 * empty, e.g. when a thread waits for a completion nobody will signal).
 */
public record WaitFor(List<Edge> edges, List<Edge> cycle) {
  /** {@code waiter} waits in {@code op} on {@code on}, which {@code holders} hold. */
  public record Edge(ThreadRef waiter, String op, SyncObject on, List<ThreadRef> holders) {
    @Override
    public String toString() {
      return waiter + " waits in " + op + "(" + on.name() + ")"
          + (holders.isEmpty() ? "" : " held by " + holders);
    }
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
