package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A reader/writer lock over half-open ranges {@code [start, end)}, with the semantics of the
 * 2017 range-lock proposals: Davidlohr Bueso, "locking: Introduce range reader/writer lock"
 * (lib/range_lock.c, RFC v2/v3 2017, after Jan Kara's 2013 "lib: Implement range locks"),
 * which Laurent Dufour's "mm: Change mmap_sem to range lock" RFC (Apr 2017, seed 003) uses.
 * In those, a request is inserted into an interval tree and counts the overlapping
 * conflicting requests already there (held or waiting); it waits until each of them is
 * released. Equivalently, and as modelled here:
 *
 * <pre>
 *   lock(s, e, w):  request  -- takes the next FIFO ticket k (always enabled)
 *                   acquire  -- enabled when no overlapping conflicting range is held and
 *                               none with a ticket &lt; k is waiting (conflicting: one side writes)
 *   unlock(s, e):   release the range this thread holds, exactly as it was locked
 *   trylock(s, e, w): succeeds if no overlapping conflicting range is held or waiting
 * </pre>
 *
 * Non-overlapping ranges and overlapping readers proceed together; the full range
 * ({@link #FULL}) behaves exactly like {@link RwSemaphore} (FIFO, writer preference), which is
 * Dufour's step 1 ("every mmap_sem lock becomes a full-range lock, no functional change").
 *
 * <p><b>Dependency</b> ({@link OpCode}): range operations use the rwsem classes restricted to
 * their range: two operations are dependent only if their ranges overlap and one side writes;
 * a request orders only against overlapping requests and trylocks (its ticket decides who
 * waits for whom), an acquisition is ticket-ordered ({@link OpCode.Block#TICKET}).
 *
 * <p><b>Lock order</b>: as lockdep would (range locks were never given subclasses), the lock
 * is one class; holding one range while taking another of the same lock is reported by
 * {@code lock-order} as possible recursive locking. A thread may request a range that overlaps
 * one it holds, as in the kernel, where nothing stops it: a read inside a held read proceeds
 * unless a conflicting request was queued in between, and then it waits for that request, which
 * waits for the outer read (a deadlock, as a recursive {@code down_read} with a writer queued);
 * a write overlapping a range the thread holds waits for itself. Unlocking releases one
 * matching range. An empty range and unlocking a range not held are {@link ModelBug}s.
 *
 * <p>Not thread-safe: used only by model threads, one at a time.
 */
public final class RangeLock extends SyncObject {
  /** The whole address space: a range lock over it is an rwsem. */
  public static final long FULL_END = Long.MAX_VALUE;

  private record Entry(ModelThread thread, long start, long end, boolean write, long ticket, boolean[] granted) {
    boolean conflicts(long s, long e, boolean w) {
      return Footprint.overlap(start, end, s, e) && (write || w);
    }

    String describe() {
      return "[" + start + ", " + (end == FULL_END ? "end" : String.valueOf(end)) + ")" + (write ? "(w)" : "(r)");
    }
  }

  /** Requests in ticket order, held or waiting. */
  private final List<Entry> entries = new ArrayList<>(2);
  private long nextTicket;

  public RangeLock(String name) {
    this(name, null);
  }

  public RangeLock(String name, String lockClass) {
    super(name, lockClass);
  }

  /** {@code range_read_lock(start, end)}: may sleep. */
  public void readLock(long start, long end) {
    lock(start, end, false);
  }

  /** {@code range_write_lock(start, end)}: may sleep. */
  public void writeLock(long start, long end) {
    lock(start, end, true);
  }

  private void lock(long start, long end, boolean write) {
    long[] r = {start, end};
    OpCode request = write ? OpCode.RANGE_WRITE_LOCK : OpCode.RANGE_READ_LOCK;
    OpCode acquire = write ? OpCode.RANGE_WRITE_ACQ : OpCode.RANGE_READ_ACQ;
    if (siteRemoved(request, siteKey(start, end, write))) {
      return;
    }
    sleepingAcquire(request, () -> {
      exec.step(new Op(request, this, r));
      exec.step(new Op(acquire, this, r));
    }, write ? OpCode.RANGE_WRITE_TRYLOCK : OpCode.RANGE_READ_TRYLOCK, r);
    siteAcquired(siteKey(start, end, write));
  }

  /** {@code range_read_trylock}: true if acquired. Never sleeps. */
  public boolean readTrylock(long start, long end) {
    return trylock(OpCode.RANGE_READ_TRYLOCK, start, end, false);
  }

  /** {@code range_write_trylock}: true if acquired. Never sleeps. */
  public boolean writeTrylock(long start, long end) {
    return trylock(OpCode.RANGE_WRITE_TRYLOCK, start, end, true);
  }

  private boolean trylock(OpCode code, long start, long end, boolean write) {
    if (siteRemoved(code, siteKey(start, end, write))) {
      return true;
    }
    boolean got = (Boolean) exec.step(new Op(code, this, new long[] {start, end}));
    if (got) {
      siteAcquired(siteKey(start, end, write));
    }
    return got;
  }

  /** {@code range_read_unlock}: releases the read range {@code [start, end)} this thread holds. */
  public void readUnlock(long start, long end) {
    if (siteReleaseSkipped(siteKey(start, end, false))) {
      return;
    }
    exec.step(new Op(OpCode.RANGE_READ_UNLOCK, this, new long[] {start, end}));
  }

  /** {@code range_write_unlock}: releases the write range {@code [start, end)} this thread holds. */
  public void writeUnlock(long start, long end) {
    if (siteReleaseSkipped(siteKey(start, end, true))) {
      return;
    }
    exec.step(new Op(OpCode.RANGE_WRITE_UNLOCK, this, new long[] {start, end}));
  }

  /**
   * What pairs a range release with its acquisition for site removal: the range. Not the mode: a
   * write range {@linkplain #downgradeWrite downgraded} is released with {@link #readUnlock}, and
   * one thread never holds the same range in both modes.
   */
  private static String siteKey(long start, long end, boolean write) {
    return start + "," + end;
  }

  /**
   * Downgrades the write range {@code [start, end)} this thread holds to a read range, keeping
   * its place in the queue, as {@link RwSemaphore#downgradeWrite} does for the full range
   * (readers queued behind it may proceed, writers still wait). Not in the range-lock patches
   * as read here; added so that a full-range lock can stand in for every use of
   * {@code mmap_sem}, {@code downgrade_write} included (4.20 munmap, dd2283f2605e).
   */
  public void downgradeWrite(long start, long end) {
    if (siteHeldRemoved(siteKey(start, end, true))) {
      return; // the write acquisition was removed: so is this; the read unlock matches it
    }
    exec.step(new Op(OpCode.RANGE_DOWNGRADE_WRITE, this, new long[] {start, end}));
  }

  /** Not a scheduling point: is some range overlapping {@code [start, end)} held for write? */
  public boolean isWriteLocked(long start, long end) {
    observed(OpCode.Dep.OBSERVE);
    for (Entry e : entries) {
      if (e.granted[0] && e.write && Footprint.overlap(e.start, e.end, start, end)) {
        return true;
      }
    }
    return false;
  }

  /** The range of a range-lock op (its arg), for footprints and traces. */
  static long[] range(Op op) {
    return (long[]) op.arg;
  }

  private Entry waiting(ModelThread t) {
    for (Entry e : entries) {
      if (e.thread == t && !e.granted[0]) {
        return e;
      }
    }
    throw new IllegalStateException(t.name + " is not queued on " + name());
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    Entry me = waiting(t);
    for (Entry e : entries) {
      if (e == me) {
        continue;
      }
      if (e.conflicts(me.start, me.end, me.write) && (e.granted[0] || e.ticket < me.ticket)) {
        return false;
      }
    }
    return true;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    long[] r = range(op);
    long s = r[0];
    long e = r[1];
    String who = t == null ? "setup" : t.name;
    if (e <= s) {
      throw new ModelBug(op.code.opName + "(" + name() + ", [" + s + ", " + e + ")) by " + who + ": empty range");
    }
    switch (op.code) {
      case RANGE_READ_LOCK, RANGE_WRITE_LOCK -> {
        boolean w = op.code == OpCode.RANGE_WRITE_LOCK;
        entries.add(new Entry(t, s, e, w, nextTicket++, new boolean[1]));
      }
      case RANGE_READ_ACQ, RANGE_WRITE_ACQ -> {
        Entry me = waiting(t);
        me.granted[0] = true;
        exec.noteAcquire(t, this, me.write ? LockMode.WRITE : LockMode.SHARED, false);
      }
      case RANGE_READ_TRYLOCK, RANGE_WRITE_TRYLOCK -> {
        boolean w = op.code == OpCode.RANGE_WRITE_TRYLOCK;
        for (Entry x : entries) {
          if (x.conflicts(s, e, w)) {
            return Boolean.FALSE;
          }
        }
        entries.add(new Entry(t, s, e, w, nextTicket++, new boolean[] {true}));
        exec.noteAcquire(t, this, w ? LockMode.WRITE : LockMode.SHARED, op.lockdepTrylock());
        return Boolean.TRUE;
      }
      case RANGE_DOWNGRADE_WRITE -> {
        for (int i = 0; i < entries.size(); i++) {
          Entry x = entries.get(i);
          if (x.thread == t && x.granted[0] && x.start == s && x.end == e && x.write) {
            entries.set(i, new Entry(t, s, e, false, x.ticket, x.granted));
            exec.noteRelease(t, this, LockMode.WRITE);
            exec.noteAcquire(t, this, LockMode.SHARED, true);
            return null;
          }
        }
        throw new ModelBug(op.code.opName + "(" + name() + ", [" + s + ", " + e + ")) by " + who
            + ", which does not hold that range for write" + held(t));
      }
      case RANGE_READ_UNLOCK, RANGE_WRITE_UNLOCK -> {
        boolean w = op.code == OpCode.RANGE_WRITE_UNLOCK;
        for (int i = 0; i < entries.size(); i++) {
          Entry x = entries.get(i);
          if (x.thread == t && x.granted[0] && x.start == s && x.end == e && x.write == w) {
            entries.remove(i);
            exec.noteRelease(t, this, w ? LockMode.WRITE : LockMode.SHARED);
            return null;
          }
        }
        throw new ModelBug(op.code.opName + "(" + name() + ", [" + s + ", " + e + ")) by " + who
            + ", which does not hold that range for " + (w ? "write" : "read") + held(t));
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  private String held(ModelThread t) {
    List<String> mine = new ArrayList<>();
    for (Entry x : entries) {
      if (x.thread == t && x.granted[0]) {
        mine.add(x.describe());
      }
    }
    return mine.isEmpty() ? " (it holds no range)" : " (it holds " + String.join(", ", mine) + ")";
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>();
    Entry me = null;
    for (Entry e : entries) {
      if (e.thread == waiter && !e.granted[0]) {
        me = e;
      }
    }
    if (me == null) {
      return out;
    }
    for (Entry e : entries) {
      if (e != me && e.granted[0] && e.conflicts(me.start, me.end, me.write) && !out.contains(e.thread)) {
        out.add(e.thread);
      }
    }
    for (ModelThread q : queuedAhead(waiter)) {
      if (!out.contains(q)) {
        out.add(q);
      }
    }
    return out;
  }

  /** Threads queued before {@code waiter} on a conflicting overlapping range that do not hold it. */
  List<ModelThread> queuedAhead(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>();
    Entry me = null;
    for (Entry e : entries) {
      if (e.thread == waiter && !e.granted[0]) {
        me = e;
      }
    }
    if (me == null) {
      return out;
    }
    for (Entry e : entries) {
      if (e != me && !e.granted[0] && e.ticket < me.ticket && e.conflicts(me.start, me.end, me.write)) {
        out.add(e.thread);
      }
    }
    return out;
  }
}
