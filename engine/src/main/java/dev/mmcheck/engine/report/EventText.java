package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.PendingOp;

/**
 * How reports name operations. The engine splits {@code down_read}/{@code down_write} into a
 * request (the FIFO ticket) and an acquisition whose operation name is
 * {@code down_read(acquired)}; reports name the operation once and say which half it is:
 *
 * <pre>
 *   down_read(mm.mmap_sem) requested      the request (event kind REQUEST)
 *   down_read(mm.mmap_sem) acquired       the acquisition (op "down_read(acquired)")
 *   down(mm.mmap_sem) attempt = false     the fast path of a blocking acquisition under a giant
 *                                         lock (op "down(attempt)")
 *   read(mm.mmap) = vma0                  everything else: {@link Event#describe()}
 * </pre>
 *
 * Pure.
 */
public final class EventText {
  /** The suffix the engine gives the acquisition half of an rwsem operation. */
  static final String ACQUIRED = "(acquired)";
  /** The suffix of the trylock fast path of a blocking acquisition (under a giant lock). */
  static final String ATTEMPT = "(attempt)";

  private EventText() {}

  /** The operation name without the engine's {@code (acquired)} suffix. */
  public static String baseOp(String op) {
    for (String suffix : new String[] {ACQUIRED, ATTEMPT}) {
      if (op.endsWith(suffix) && op.length() > suffix.length()) {
        return op.substring(0, op.length() - suffix.length());
      }
    }
    return op;
  }

  /** The event as reports show it; see the class comment. */
  public static String event(Event e) {
    if (e.op().endsWith(ACQUIRED)) {
      return baseOp(e.op()) + "(" + e.object() + ") acquired";
    }
    if (e.op().endsWith(ATTEMPT)) {
      String d = e.describe();
      String value = d.substring((e.op() + "(" + e.object() + ")").length());
      return baseOp(e.op()) + "(" + e.object() + ") attempt" + value;
    }
    if (e.kind() == EventKind.REQUEST) {
      return e.describe() + " requested";
    }
    return e.describe();
  }

  /** {@code mutex_lock(B)}: what a pending operation attempts, named once. */
  public static String pending(PendingOp p) {
    return baseOp(p.op()) + "(" + p.object() + ")";
  }
}
