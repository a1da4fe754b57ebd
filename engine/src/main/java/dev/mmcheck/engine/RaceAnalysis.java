package dev.mmcheck.engine;

import java.util.Arrays;
import java.util.List;

/**
 * Happens-before and races of one execution, for DPOR (shared by {@link SourceDpor} and
 * {@link OptimalDpor}).
 *
 * <p><b>Happens-before</b> is computed with vector clocks: an event is ordered after its
 * thread's previous event (a thread's first event after the spawn that created it) and after
 * every earlier event it depends on ({@link Footprint#conflicts}). The dependent predecessors
 * are found through a per-object index of accesses, so the analysis is linear in the length
 * of the trace: for each access the scan walks back the accesses of the same object and stops
 * at the first one that is a barrier for it ({@link OpCode.Dep#barrier}: a write of a cell, any
 * operation of a mutex, ...); reads skip other reads. Clocks live in one flat array reused
 * across executions; nothing is allocated per event.
 *
 * <p><b>Races.</b> Events before {@code from} (the replayed prefix) were analysed in an
 * earlier execution; their races are not reported again. For a later event {@code j} of
 * thread {@code q}, whose previous event is {@code pq}:
 * <ul>
 *   <li>an event that cannot block races with each dependent predecessor {@code i} that is
 *       not ordered before {@code pq} or before another dependent predecessor of {@code j};
 *   <li>an {@link OpCode.Block#EXCLUSIVE} acquisition of object {@code m} races with the most
 *       recent earlier event {@code i} on {@code m} (not ordered before {@code pq}) that it
 *       could have preceded: {@code q} was already waiting in {@code j} at {@code i} and
 *       {@code j} was enabled there, or {@code q} was not yet at {@code j} and {@code m} was
 *       available just before {@code i}. For a mutex that is the previous acquisition, not
 *       the release or the holder's failed trylock that followed it;
 *   <li>a {@link OpCode.Block#TICKET} acquisition races only with trylocks and observations of
 *       other threads made while {@code q} was waiting in {@code j} with {@code j} enabled;
 *   <li>a {@link OpCode.Block#GRACE_PERIOD} wait has no race partner.
 * </ul>
 * Threads left unfinished when the execution ended (deadlocked, blocked, asleep or cut off)
 * contribute their pending operation as a <em>virtual</em> last event {@code n + k}, analysed
 * like the others; so a blocked acquisition that never ran is still reversed.
 *
 * <p>Not thread-safe; one instance per search.
 */
final class RaceAnalysis {
  /** Receives the races of one execution. */
  interface Sink {
    /** {@code i} (an executed event) races with {@code j} (executed, or virtual if {@code j >= n}). */
    void race(int i, int j);
  }

  private Execution ex;
  private java.util.function.IntToLongFunction enabledAt;
  int n;
  private int threadsLimit;
  private int events;
  private int[] tid = new int[64];
  private Op[] op = new Op[64];
  private Footprint[] fp = new Footprint[64];
  private int[] local = new int[64];
  private int[] prevOf = new int[64];
  private int[] clk = new int[64 * 4];
  private int[] stamp = new int[64];
  private final int[] lastEvent = new int[Execution.MAX_THREADS];
  private final int[] count = new int[Execution.MAX_THREADS];
  private final int[] spawnOf = new int[Execution.MAX_THREADS];
  private int[] deps = new int[16];

  // per-object index of accesses: chains through all accesses and through non-pure-read ones
  private final LongIntMap lastAccess = new LongIntMap();
  private final LongIntMap lastWriting = new LongIntMap();
  private int[] accEvent = new int[128];
  private byte[] accDep = new byte[128];
  private int[] accPrev = new int[128];
  private int[] accPrevWriting = new int[128];
  private long[] accLo = new long[128];
  private long[] accHi = new long[128];
  private int accN;

  /** Analyses {@code ex} (followed along {@code path}); races of events at or after {@code from} go to {@code sink}. */
  void analyze(Execution ex, List<Node> path, int from, Sink sink) {
    analyze(ex, i -> path.get(i).enabled, from, sink);
  }

  /** As above; {@code enabledAt.applyAsLong(i)}: the threads enabled at the decision before event i. */
  void analyze(Execution ex, java.util.function.IntToLongFunction enabledAt, int from, Sink sink) {
    this.ex = ex;
    this.enabledAt = enabledAt;
    n = ex.ops.size();
    List<ModelThread> pend = ex.pendingAtEnd;
    events = n + pend.size();
    threadsLimit = Math.max(1, ex.threadIdLimit());
    ensure(events);
    for (int i = 0; i < n; i++) {
      tid[i] = ex.tid(i);
      op[i] = ex.ops.get(i);
      fp[i] = ex.footprint(i);
    }
    for (int k = 0; k < pend.size(); k++) {
      ModelThread t = pend.get(k);
      tid[n + k] = t.id;
      op[n + k] = t.pending;
      fp[n + k] = Footprint.of(t.pending, t.id);
    }
    Arrays.fill(lastEvent, -1);
    Arrays.fill(count, 0);
    Arrays.fill(spawnOf, -1);
    for (ModelThread t : ex.threadList()) {
      spawnOf[t.id] = t.spawnEvent;
    }
    lastAccess.clear();
    lastWriting.clear();
    accN = 0;
    Arrays.fill(stamp, 0, events, -1);
    for (int j = 0; j < events; j++) {
      boolean virtual = j >= n;
      int q = tid[j];
      int pq = lastEvent[q] >= 0 ? lastEvent[q] : spawnOf[q];
      prevOf[j] = pq;
      int base = j * threadsLimit;
      if (pq >= 0) {
        System.arraycopy(clk, pq * threadsLimit, clk, base, threadsLimit);
      } else {
        Arrays.fill(clk, base, base + threadsLimit, 0);
      }
      int nd = dependencies(j, q);
      for (int a = 0; a < nd; a++) {
        int kb = deps[a] * threadsLimit;
        for (int t = 0; t < threadsLimit; t++) {
          if (clk[kb + t] > clk[base + t]) {
            clk[base + t] = clk[kb + t];
          }
        }
      }
      local[j] = count[q] + 1;
      clk[base + q] = local[j];
      if (j >= from) {
        races(j, q, pq, nd, sink);
      }
      if (!virtual) {
        count[q]++;
        lastEvent[q] = j;
        index(j);
      }
    }
  }

  // ---- queries for sinks ----

  int tid(int e) {
    return tid[e];
  }

  Footprint footprint(int e) {
    return fp[e];
  }

  Op op(int e) {
    return op[e];
  }

  /** The value chosen by executed {@code choose} event {@code e}. */
  int choiceValue(int e) {
    return ex.choiceAt(e);
  }

  /** Number of events, virtual ones included. */
  int events() {
    return events;
  }

  /** Is event {@code a} ordered before event {@code b} (a before b in the trace)? */
  boolean hb(int a, int b) {
    if (a < 0 || b < 0) {
      return false;
    }
    return clk[b * threadsLimit + tid[a]] >= local[a];
  }

  // ---- internals ----

  /** Fills deps[0..nd) with the distinct dependent predecessors of j by other threads. */
  private int dependencies(int j, int q) {
    int nd = 0;
    Footprint f = fp[j];
    for (int x = 0; x < f.size(); x++) {
      long key = f.keys[x];
      OpCode.Dep d = f.dep(x);
      long lo = f.lo[x];
      long hi = f.hi[x];
      boolean pure = d.pureRead();
      int a = pure ? lastWriting.get(key) : lastAccess.get(key);
      while (a >= 0) {
        int e = accEvent[a];
        OpCode.Dep da = OpCode.Dep.VALUES[accDep[a]];
        boolean overlaps = Footprint.overlap(accLo[a], accHi[a], lo, hi);
        if (tid[e] != q && overlaps && OpCode.Dep.conflict(da, d) && stamp[e] != j) {
          stamp[e] = j;
          if (nd == deps.length) {
            deps = Arrays.copyOf(deps, nd * 2);
          }
          deps[nd++] = e;
        }
        if (OpCode.Dep.barrier(da, d) && accLo[a] <= lo && accHi[a] >= hi) {
          break;
        }
        a = pure ? accPrevWriting[a] : accPrev[a];
      }
    }
    return nd;
  }

  private void index(int j) {
    Footprint f = fp[j];
    for (int x = 0; x < f.size(); x++) {
      if (accN == accEvent.length) {
        int len = accN * 2;
        accEvent = Arrays.copyOf(accEvent, len);
        accDep = Arrays.copyOf(accDep, len);
        accPrev = Arrays.copyOf(accPrev, len);
        accPrevWriting = Arrays.copyOf(accPrevWriting, len);
        accLo = Arrays.copyOf(accLo, len);
        accHi = Arrays.copyOf(accHi, len);
      }
      long key = f.keys[x];
      int a = accN++;
      accEvent[a] = j;
      accDep[a] = f.deps[x];
      accPrev[a] = lastAccess.get(key);
      accPrevWriting[a] = lastWriting.get(key);
      accLo[a] = f.lo[x];
      accHi[a] = f.hi[x];
      lastAccess.put(key, a);
      if (!f.dep(x).pureRead()) {
        lastWriting.put(key, a);
      }
    }
  }

  private void races(int j, int q, int pq, int nd, Sink sink) {
    Op oj = op[j];
    OpCode.Block block = oj.code.block();
    long m = oj.target == null ? Long.MIN_VALUE : oj.target.key;
    for (int a = 0; a < nd; a++) {
      int i = deps[a];
      if (block != OpCode.Block.NONE && onObject(i, m)) {
        continue; // handled by the scan below
      }
      if (covered(i, pq, nd, a)) {
        continue;
      }
      if (block != OpCode.Block.NONE && waitingAt(i, pq) && !enabledAt(i, q)) {
        continue;
      }
      sink.race(i, j);
    }
    if (block == OpCode.Block.EXCLUSIVE || block == OpCode.Block.TICKET) {
      int px = primary(j, m);
      OpCode.Dep d = px < 0 ? oj.code.dep : fp[j].dep(px);
      long lo = px < 0 ? Footprint.ALL_LO : fp[j].lo[px];
      long hi = px < 0 ? Footprint.ALL_HI : fp[j].hi[px];
      for (int acc = lastAccess.get(m); acc >= 0; acc = accPrev[acc]) {
        int i = accEvent[acc];
        if (!OpCode.Dep.conflict(OpCode.Dep.VALUES[accDep[acc]], d)
            || !Footprint.overlap(accLo[acc], accHi[acc], lo, hi)) {
          continue;
        }
        if (tid[i] == q || hb(i, pq)) {
          break; // this and everything before it on m is ordered before j's thread got here
        }
        boolean waiting = waitingAt(i, pq);
        boolean valid;
        if (block == OpCode.Block.EXCLUSIVE) {
          valid = waiting ? enabledAt(i, q) : ex.availableBefore(i, oj);
        } else {
          OpCode.Dep di = OpCode.Dep.VALUES[accDep[acc]];
          valid = waiting && enabledAt(i, q) && (di.trylock() || di == OpCode.Dep.OBSERVE);
        }
        if (valid) {
          sink.race(i, j);
          break;
        }
      }
    }
  }

  /** Index of j's access to its own target {@code m}, or -1. */
  private int primary(int j, long m) {
    Footprint f = fp[j];
    for (int x = 0; x < f.size(); x++) {
      if (f.keys[x] == m) {
        return x;
      }
    }
    return -1;
  }

  private boolean onObject(int i, long m) {
    Footprint f = fp[i];
    for (int x = 0; x < f.size(); x++) {
      if (f.keys[x] == m) {
        return true;
      }
    }
    return false;
  }

  /** Is i ordered before pq, or before another dependent predecessor of j (deps[b], b != a)? */
  private boolean covered(int i, int pq, int nd, int a) {
    if (hb(i, pq)) {
      return true;
    }
    for (int b = 0; b < nd; b++) {
      if (b != a && deps[b] != i && hb(i, deps[b])) {
        return true;
      }
    }
    return false;
  }

  /** Was j's thread already waiting in j (executed nothing since) when event i ran? */
  private boolean waitingAt(int i, int pq) {
    return pq < i;
  }

  private boolean enabledAt(int i, int q) {
    return (enabledAt.applyAsLong(i) & (1L << q)) != 0;
  }

  private void ensure(int size) {
    if (tid.length < size) {
      int len = Math.max(size, tid.length * 2);
      tid = Arrays.copyOf(tid, len);
      op = Arrays.copyOf(op, len);
      fp = Arrays.copyOf(fp, len);
      local = Arrays.copyOf(local, len);
      prevOf = Arrays.copyOf(prevOf, len);
      stamp = Arrays.copyOf(stamp, len);
    }
    long need = (long) size * threadsLimit;
    if (clk.length < need) {
      clk = new int[(int) Math.max(need, clk.length * 2L)];
    }
  }

  /** Clears references to the last execution's objects (so nothing retains it). */
  void release() {
    ex = null;
    enabledAt = null;
    Arrays.fill(op, null);
    Arrays.fill(fp, null);
  }
}
