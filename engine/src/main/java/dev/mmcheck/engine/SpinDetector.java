package dev.mmcheck.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Busy-wait detection for one model thread (GenMC's "spin-assume" idea, done dynamically): a
 * thread whose last two iterations read the same cells with the same values, with nothing but
 * reads (and local operations) in between, and that is about to start a third, is waiting,
 * not progressing. It is disabled until another thread writes one of those cells; if nobody
 * can, the execution ends with no enabled thread and the deadlock property reports a
 * <em>livelock</em> naming the cells and the loop. An iteration is at most {@link #MAX_PERIOD}
 * reads.
 *
 * <pre>
 *   running --two identical iterations, next op starts a third--&gt; spinning(since event s, cells C)
 *   spinning --another thread writes a cell of C after s--&gt; running (re-reads)
 * </pre>
 *
 * <p>Pruning those iterations loses no outcome: a repeated iteration reads what the previous
 * one read and writes nothing, so every execution in which it runs is equivalent, for every
 * thread's observations, to one in which the thread waited instead.
 */
final class SpinDetector {
  static final int MAX_PERIOD = 4;
  private static final int WINDOW = 2 * MAX_PERIOD;

  private final Cell<?>[] cells = new Cell<?>[WINDOW];
  private final Object[] values = new Object[WINDOW];
  private int n;
  /** While spinning: the event count when it started, and the cells it waits on. */
  private int since = -1;
  private Cell<?>[] watched;

  /** Records an executed op of this thread and the value it returned. */
  void executed(Op op, Object value) {
    since = -1;
    boolean read = op.code == OpCode.READ || (op.code == OpCode.CMPXCHG && Boolean.FALSE.equals(value));
    if (read) {
      if (n == WINDOW) {
        System.arraycopy(cells, 1, cells, 0, WINDOW - 1);
        System.arraycopy(values, 1, values, 0, WINDOW - 1);
        n--;
      }
      cells[n] = (Cell<?>) op.target;
      values[n] = op.code == OpCode.CMPXCHG ? ((Cell<?>) op.target).peekQuietly() : value;
      n++;
    } else if (op.code.dep != OpCode.Dep.LOCAL) {
      n = 0;
    }
  }

  /**
   * The thread is about to perform {@code next} at event {@code eventCount}: starts spinning if
   * it would begin a third identical iteration.
   */
  void about(Op next, int eventCount) {
    if (since >= 0 || !(next.target instanceof Cell<?> c)
        || !(next.code == OpCode.READ || next.code == OpCode.CMPXCHG)) {
      return;
    }
    for (int p = 1; p <= MAX_PERIOD && 2 * p <= n; p++) {
      boolean same = cells[n - p] == c;
      for (int k = 0; same && k < p; k++) {
        same = cells[n - p + k] == cells[n - 2 * p + k] && Objects.equals(values[n - p + k], values[n - 2 * p + k]);
      }
      if (same) {
        since = eventCount;
        watched = Arrays.copyOfRange(cells, n - p, n);
        return;
      }
    }
  }

  /** True while the thread waits for another thread's write to a watched cell. */
  boolean blocked() {
    if (since < 0) {
      return false;
    }
    for (Cell<?> c : watched) {
      if (c.lastWrite() >= since) {
        return false;
      }
    }
    return true;
  }

  /** The cells it waits on (while {@link #blocked}). */
  Cell<?>[] watched() {
    return watched;
  }

  void reset() {
    n = 0;
    since = -1;
    watched = null;
  }
}
