package dev.mmcheck.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * Busy-wait detection for one model thread: counts how many times in a row the thread ran the
 * same iteration, reading the same cells with the same values (at most {@link #MAX_PERIOD}
 * reads an iteration), with nothing but reads and local operations in between and no other
 * thread writing any of those cells. A loop like {@code while (flag.get() == 0) {}} that
 * nobody ends would otherwise run until the depth bound, and the search would interleave
 * every iteration with every other thread; past {@code limit} repetitions the execution ends
 * with a <em>livelock</em> violation that names the cells and the loop's source line.
 *
 * <p>This is a diagnosis, not a reduction: nothing is pruned before the limit. A busy-wait that
 * another thread is meant to end should be modelled with {@link Cell#awaitUntil}, which blocks
 * the thread until the value changes (GenMC's "spin-assume" done by the model author), so it
 * costs no interleavings and its deadlock is reported as such.
 *
 * <pre>
 *   iteration k: reads (c1 = v1) ... (cp = vp)      iteration k+1: the same reads, same values
 *   no write to c1..cp by another thread since iteration k began  =&gt;  repeats++
 *   anything else (a write, a lock operation, another value)      =&gt;  repeats = 0
 * </pre>
 */
final class SpinDetector {
  static final int MAX_PERIOD = 4;
  private static final int WINDOW = 2 * MAX_PERIOD;

  private final Cell<?>[] cells = new Cell<?>[WINDOW];
  private final Object[] values = new Object[WINDOW];
  private final int[] at = new int[WINDOW];
  private int n;
  private int period;
  /** Reads that continued the repeating pattern (after its first iteration). */
  private int repeatedReads;

  /** Records an executed op of this thread ({@code index} its event) and the value it returned. */
  void executed(Op op, Object value, int index) {
    boolean read = op.code == OpCode.READ || (op.code == OpCode.CMPXCHG && Boolean.FALSE.equals(value));
    if (!read) {
      if (op.code.dep != OpCode.Dep.LOCAL) {
        n = 0;
        period = 0;
        repeatedReads = 0;
      }
      return;
    }
    if (n == WINDOW) {
      System.arraycopy(cells, 1, cells, 0, WINDOW - 1);
      System.arraycopy(values, 1, values, 0, WINDOW - 1);
      System.arraycopy(at, 1, at, 0, WINDOW - 1);
      n--;
    }
    Cell<?> c = (Cell<?>) op.target;
    cells[n] = c;
    values[n] = op.code == OpCode.CMPXCHG ? c.peekQuietly() : value;
    at[n] = index;
    n++;
    int p = repeatingPeriod();
    if (p == 0) {
      period = 0;
      repeatedReads = 0;
    } else if (p != period) {
      period = p;
      repeatedReads = 1;
    } else {
      repeatedReads++;
    }
  }

  /** The period p such that the last p reads repeat the p before them with no foreign write, or 0. */
  private int repeatingPeriod() {
    for (int p = 1; p <= MAX_PERIOD && 2 * p <= n; p++) {
      boolean same = true;
      for (int k = 0; same && k < p; k++) {
        int now = n - p + k;
        int before = n - 2 * p + k;
        same = cells[now] == cells[before] && Objects.equals(values[now], values[before])
            && cells[now].lastWrite() < at[before];
      }
      if (same && (p == 1 || !constantWithin(p))) {
        return p;
      }
    }
    return 0;
  }

  /** True if the last p reads are all one (cell, value): then period 1 describes them. */
  private boolean constantWithin(int p) {
    for (int k = n - p + 1; k < n; k++) {
      if (cells[k] != cells[n - p] || !Objects.equals(values[k], values[n - p])) {
        return false;
      }
    }
    return true;
  }

  /** Consecutive repetitions of the current iteration. */
  int repeats() {
    return period == 0 ? 0 : repeatedReads / period;
  }

  /** The cells of the repeating iteration, as {@code name (= value)}. */
  String describe() {
    StringBuilder sb = new StringBuilder();
    int p = Math.max(1, period);
    for (int k = n - p; k < n; k++) {
      sb.append(sb.length() == 0 ? "" : ", ").append(cells[k].name()).append(" (= ")
          .append(Values.show(values[k])).append(')');
    }
    return sb.toString();
  }

  void reset() {
    n = 0;
    repeatedReads = 0;
    period = 0;
    Arrays.fill(cells, null);
    Arrays.fill(values, null);
  }
}
