package dev.mmcheck.engine;

import java.util.Arrays;

/**
 * What one event touches, for the dependency relation: a small set of accesses, each an object
 * key and a dependency class ({@link OpCode.Dep}). Immutable.
 *
 * <p>The accesses of an event are
 * <ul>
 *   <li>its operation's own: the target object with the op's class, plus, for a field
 *       ({@link Cell}) of a {@link Tracked} object, a {@code READ} of the owner (so that a free,
 *       a {@code WRITE} of the owner, is ordered against every use of its fields); an RCU
 *       read-side section boundary also writes the per-thread reader slot of its domain, which
 *       a grace period observes; an acquisition or release also writes its thread's held-lock
 *       set;
 *   <li>the reads that listeners and properties made while the event was dispatched
 *       ({@link Cell#peek}, {@link Tracked#isFreed}, lock state, another thread's held locks):
 *       {@code READ}s of cells and {@code OBSERVE}s of everything else. This is what makes a
 *       property written against the documented API sound under DPOR: whatever it reads is
 *       ordered against whatever writes it.
 * </ul>
 *
 * <p>An access may be restricted to a half-open interval {@code [lo, hi)} of its object (a
 * {@link RangeLock} operation covers its range); an unrestricted access covers the whole object.
 *
 * <p>Two events of different threads are <em>dependent</em> iff some access of one and some
 * access of the other have the same key, overlapping intervals and conflicting classes
 * ({@link OpCode.Dep#conflict}).
 *
 * <p>Keys are stable across executions: a real object's key is (creating thread, how many
 * objects that thread had created before), not its position in a global creation order, so an
 * event recorded in one execution (in a sleep set or a wakeup tree) can be compared with the
 * same event of another execution whose interleaving differs.
 */
final class Footprint {
  static final Footprint EMPTY = new Footprint(new long[0], new byte[0], new long[0], new long[0]);
  static final long ALL_LO = Long.MIN_VALUE;
  static final long ALL_HI = Long.MAX_VALUE;

  private static final long PSEUDO_READER = 1L << 62;
  private static final long PSEUDO_HELD = 1L << 61;

  final long[] keys;
  final byte[] deps;
  final long[] lo;
  final long[] hi;

  private Footprint(long[] keys, byte[] deps, long[] lo, long[] hi) {
    this.keys = keys;
    this.deps = deps;
    this.lo = lo;
    this.hi = hi;
  }

  /** Do {@code [alo, ahi)} and {@code [blo, bhi)} overlap? */
  static boolean overlap(long alo, long ahi, long blo, long bhi) {
    return alo < bhi && blo < ahi;
  }

  int size() {
    return keys.length;
  }

  OpCode.Dep dep(int i) {
    return OpCode.Dep.VALUES[deps[i]];
  }

  /** Key of the RCU reader slot of thread {@code tid} in the domain with key {@code domain}. */
  static long readerSlot(long domain, int tid) {
    return PSEUDO_READER | (domain << 7) | tid;
  }

  /** Key of the held-lock set of thread {@code tid}. */
  static long heldSet(int tid) {
    return PSEUDO_HELD | tid;
  }

  /** The accesses of {@code op} executed (or pending) by thread {@code tid}. */
  static Footprint of(Op op, int tid) {
    Builder b = new Builder();
    op.accesses(tid, b);
    return b.build();
  }

  /** The accesses of {@code op} executed by {@code tid} with result {@code value}. */
  static Footprint executed(Op op, int tid, Object value) {
    if (op.code == OpCode.TS_ALLOC) {
      Builder b = new Builder();
      b.add(op.target.key, OpCode.Dep.WRITE);
      if (value instanceof Tracked t) {
        b.add(t.key, OpCode.Dep.WRITE);
      }
      return b.build();
    }
    if (op.code == OpCode.CMPXCHG && Boolean.FALSE.equals(value)) {
      Builder b = new Builder();
      b.add(op.target.key, OpCode.Dep.READ);
      if (op.target.ownerKey() >= 0) {
        b.add(op.target.ownerKey(), OpCode.Dep.READ);
      }
      return b.build();
    }
    return of(op, tid);
  }

  /** Do events with these footprints conflict (if run by different threads)? */
  boolean conflicts(Footprint o) {
    for (int i = 0; i < keys.length; i++) {
      for (int k = 0; k < o.keys.length; k++) {
        if (keys[i] == o.keys[k] && overlap(lo[i], hi[i], o.lo[k], o.hi[k]) && OpCode.Dep.conflict(dep(i), o.dep(k))) {
          return true;
        }
      }
    }
    return false;
  }

  /** Accumulates accesses; an access already present with the same class is not repeated. */
  static final class Builder {
    private long[] keys = new long[4];
    private byte[] deps = new byte[4];
    private long[] los = new long[4];
    private long[] his = new long[4];
    private int n;

    void add(long key, OpCode.Dep dep) {
      add(key, dep, ALL_LO, ALL_HI);
    }

    void add(long key, OpCode.Dep dep, long lo, long hi) {
      if (dep == OpCode.Dep.LOCAL) {
        return;
      }
      for (int i = 0; i < n; i++) {
        if (keys[i] == key && deps[i] == dep.ordinal() && los[i] == lo && his[i] == hi) {
          return;
        }
      }
      if (n == keys.length) {
        keys = Arrays.copyOf(keys, n * 2);
        deps = Arrays.copyOf(deps, n * 2);
        los = Arrays.copyOf(los, n * 2);
        his = Arrays.copyOf(his, n * 2);
      }
      keys[n] = key;
      deps[n] = (byte) dep.ordinal();
      los[n] = lo;
      his[n] = hi;
      n++;
    }

    boolean isEmpty() {
      return n == 0;
    }

    void clear() {
      n = 0;
    }

    Footprint build() {
      return n == 0 ? EMPTY
          : new Footprint(Arrays.copyOf(keys, n), Arrays.copyOf(deps, n), Arrays.copyOf(los, n), Arrays.copyOf(his, n));
    }

    /** {@code base} plus what was accumulated here. */
    Footprint buildOn(Footprint base) {
      if (n == 0) {
        return base;
      }
      Builder all = new Builder();
      for (int i = 0; i < base.keys.length; i++) {
        all.add(base.keys[i], base.dep(i), base.lo[i], base.hi[i]);
      }
      for (int i = 0; i < n; i++) {
        all.add(keys[i], OpCode.Dep.VALUES[deps[i]], los[i], his[i]);
      }
      return all.build();
    }
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("{");
    for (int i = 0; i < keys.length; i++) {
      sb.append(i == 0 ? "" : ", ").append(Long.toHexString(keys[i])).append(':').append(dep(i));
      if (lo[i] != ALL_LO || hi[i] != ALL_HI) {
        sb.append('[').append(lo[i]).append(',').append(hi[i]).append(')');
      }
    }
    return sb.append('}').toString();
  }
}
