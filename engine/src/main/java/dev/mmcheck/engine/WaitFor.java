package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The wait-for relation at a deadlock: each blocked thread, the object it waits for and the
 * threads that keep it waiting. {@link #cycle} is a cycle in that relation when one exists (it
 * may be empty, e.g. when a thread waits for a completion nobody will signal).
 */
public record WaitFor(List<Edge> edges, List<Edge> cycle) {
  /**
   * {@code waiter} waits in {@code op} on {@code on}, which {@code holders} hold; on an rwsem,
   * {@code queuedAhead} are threads queued before it (a waiting writer blocks later readers)
   * that do not hold it. For a thread waiting in {@link Cell#awaitUntil} ({@code spinning}),
   * {@code on} is the cell, {@code op} names it with its value, and nobody holds it.
   */
  public record Edge(ThreadRef waiter, String op, ModelObject on, List<ThreadRef> holders,
      List<ThreadRef> queuedAhead, boolean spinning) {
    public Edge {
      holders = List.copyOf(holders);
      queuedAhead = List.copyOf(queuedAhead);
    }

    /** Only holders, nobody queued ahead. */
    public Edge(ThreadRef waiter, String op, ModelObject on, List<ThreadRef> holders) {
      this(waiter, op, on, holders, List.of(), false);
    }

    /** Holders and threads queued ahead. */
    public Edge(ThreadRef waiter, String op, ModelObject on, List<ThreadRef> holders, List<ThreadRef> queuedAhead) {
      this(waiter, op, on, holders, queuedAhead, false);
    }

    /** Every thread this one waits for: the holders, then those queued ahead. */
    public List<ThreadRef> blockers() {
      List<ThreadRef> all = new ArrayList<>(holders);
      all.addAll(queuedAhead);
      return all;
    }

    /**
     * E.g. {@code t1 waits in mutex_lock(B) held by [t2]},
     * {@code reader waits in down_read(mm.mmap_sem) queued behind [munmap]} or
     * {@code t0 busy-waits reading flag (= 0) and no other thread writes it}. The operation is
     * named once: the acquisition half of an rwsem operation shows as the operation itself.
     */
    @Override
    public String toString() {
      if (spinning) {
        return waiter + " waits until " + op + " changes, and no other thread can change it";
      }
      String name = op.endsWith("(acquired)") ? op.substring(0, op.length() - "(acquired)".length()) : op;
      return waiter + " waits in " + name + "(" + on.name() + ")"
          + (holders.isEmpty() ? "" : " held by " + holders)
          + (queuedAhead.isEmpty() ? "" : (holders.isEmpty() ? "" : ",") + " queued behind " + queuedAhead);
    }
  }

  /** True if some thread waits for a write nobody can make (a busy-wait that cannot end, not a held lock). */
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
