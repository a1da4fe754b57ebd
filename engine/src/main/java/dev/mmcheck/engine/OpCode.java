package dev.mmcheck.engine;

/**
 * Every kind of scheduling point, with what the explorer needs to know about it.
 *
 * <p><b>Dependency.</b> Each event has a {@link Footprint}: the objects it touches, each with
 * a class ({@link Dep}). Two events of different threads are dependent iff they touch an
 * object in conflicting classes ({@link Dep#conflict}). In words:
 * <ul>
 *   <li>cells: two reads commute; a read and a write, or two writes, do not. A field of a
 *       {@link Tracked} object is also a read of the object, and a free is a write of it, so
 *       a free is ordered against every use of the object's fields;
 *   <li>exclusive locks, semaphores, completions, giant locks, seqcount writers: every pair of
 *       operations on the same object conflicts (conservatively, even two {@code up}s);
 *   <li>rwsems: read-side acquisitions and releases commute with each other; a request (the
 *       FIFO ticket taken by {@code down_read}/{@code down_write}) conflicts only with other
 *       requests (if one is a writer's) and with trylocks; everything else conflicts if one
 *       side is writer-side; {@link RangeLock} operations use the same classes, restricted to
 *       their range, so operations on ranges that do not overlap are independent;
 *   <li>RCU: read-side section boundaries of different threads commute; a grace period's
 *       snapshot ({@code synchronize_rcu}, {@code call_rcu}) conflicts with every section
 *       boundary of its domain; the wait for the grace period observes only the reader slots
 *       of the threads that were in a section when the snapshot was taken, so a section that
 *       starts after the snapshot commutes with it. Domains are independent objects;
 *   <li>{@code LOCAL} operations (choose, yield, might_sleep, spawn, alloc, nested RCU
 *       read-side boundaries) touch nothing;
 *   <li>a read a listener or property makes while an event is dispatched is part of that
 *       event's footprint ({@code READ} of a cell, {@code OBSERVE} of anything else; an
 *       observation conflicts with every state change of the observed object).
 * </ul>
 *
 * <p><b>Blocking.</b> An operation with {@link Sync#ACQUIRE} may be disabled (its thread then
 * waits). DPOR cannot reverse a race between an acquisition and the release it waited for, so
 * each blocking operation says how it races ({@link Block}): an {@code EXCLUSIVE} acquisition
 * races with the most recent earlier operation on the object <em>before which the object was
 * available</em> (for a mutex: the previous acquisition, not the release or a failed trylock
 * in between); a {@code TICKET} acquisition (rwsem, FIFO) is ordered against other
 * acquisitions by its request and races only with other threads' trylocks and observations
 * that it could have preceded; a {@code GRACE_PERIOD} wait has no partner it can precede
 * (it needs every snapshotted reader's unlock).
 */
enum OpCode {
  READ("read", EventKind.READ, Dep.READ, Sync.NONE, false),
  WRITE("write", EventKind.WRITE, Dep.WRITE, Sync.NONE, false),
  /** Atomic compare-and-exchange: a write if it succeeds, a read if it fails. */
  CMPXCHG("cmpxchg", EventKind.WRITE, Dep.WRITE, Sync.NONE, false),
  /** Busy-wait until a predicate of the cell's value holds ({@link Cell#awaitUntil}): disabled while it does not. */
  AWAIT("await", EventKind.WAIT, Dep.READ, Sync.ACQUIRE, false),
  /** Atomic add, returning the old value (atomic_fetch_add). */
  FETCH_ADD("fetch_add", EventKind.WRITE, Dep.WRITE, Sync.NONE, false),
  ALLOC("alloc", EventKind.ALLOC, Dep.LOCAL, Sync.NONE, false),
  /** {@link TypeStableCache#alloc}: may hand out a freed object again. */
  TS_ALLOC("kmem_cache_alloc", EventKind.ALLOC, Dep.WRITE, Sync.NONE, false),
  /** {@link TypeStableCache#free}. */
  TS_FREE("kmem_cache_free", EventKind.FREE, Dep.WRITE, Sync.NONE, false),
  FREE("free", EventKind.FREE, Dep.WRITE, Sync.NONE, false),
  ACCESS("access", EventKind.ACCESS, Dep.READ, Sync.NONE, false),

  DOWN("down", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, true),
  DOWN_TRYLOCK("down_trylock", EventKind.ACQUIRE, Dep.WRITE, Sync.NONE, false),
  UP("up", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),

  DOWN_READ("down_read", EventKind.REQUEST, Dep.RW_ARRIVE_READER, Sync.NONE, true),
  DOWN_READ_ACQ("down_read(acquired)", EventKind.ACQUIRE, Dep.RW_READER, Sync.ACQUIRE, false),
  DOWN_READ_TRYLOCK("down_read_trylock", EventKind.ACQUIRE, Dep.RW_TRY_READER, Sync.NONE, false),
  UP_READ("up_read", EventKind.RELEASE, Dep.RW_READER, Sync.RELEASE, false),
  DOWN_WRITE("down_write", EventKind.REQUEST, Dep.RW_ARRIVE_WRITER, Sync.NONE, true),
  DOWN_WRITE_ACQ("down_write(acquired)", EventKind.ACQUIRE, Dep.RW_WRITER, Sync.ACQUIRE, false),
  DOWN_WRITE_TRYLOCK("down_write_trylock", EventKind.ACQUIRE, Dep.RW_TRY_WRITER, Sync.NONE, false),
  UP_WRITE("up_write", EventKind.RELEASE, Dep.RW_WRITER, Sync.RELEASE, false),
  DOWNGRADE_WRITE("downgrade_write", EventKind.RELEASE, Dep.RW_WRITER, Sync.RELEASE, false),

  RANGE_READ_LOCK("range_read_lock", EventKind.REQUEST, Dep.RW_ARRIVE_READER, Sync.NONE, true),
  RANGE_READ_ACQ("range_read_lock(acquired)", EventKind.ACQUIRE, Dep.RW_READER, Sync.ACQUIRE, false),
  RANGE_READ_TRYLOCK("range_read_trylock", EventKind.ACQUIRE, Dep.RW_TRY_READER, Sync.NONE, false),
  RANGE_READ_UNLOCK("range_read_unlock", EventKind.RELEASE, Dep.RW_READER, Sync.RELEASE, false),
  RANGE_WRITE_LOCK("range_write_lock", EventKind.REQUEST, Dep.RW_ARRIVE_WRITER, Sync.NONE, true),
  RANGE_WRITE_ACQ("range_write_lock(acquired)", EventKind.ACQUIRE, Dep.RW_WRITER, Sync.ACQUIRE, false),
  RANGE_WRITE_TRYLOCK("range_write_trylock", EventKind.ACQUIRE, Dep.RW_TRY_WRITER, Sync.NONE, false),
  RANGE_WRITE_UNLOCK("range_write_unlock", EventKind.RELEASE, Dep.RW_WRITER, Sync.RELEASE, false),
  RANGE_DOWNGRADE_WRITE("range_downgrade_write", EventKind.RELEASE, Dep.RW_WRITER, Sync.RELEASE, false),

  MUTEX_LOCK("mutex_lock", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, true),
  MUTEX_TRYLOCK("mutex_trylock", EventKind.ACQUIRE, Dep.WRITE, Sync.NONE, false),
  MUTEX_UNLOCK("mutex_unlock", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),

  SPIN_LOCK("spin_lock", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, false),
  SPIN_TRYLOCK("spin_trylock", EventKind.ACQUIRE, Dep.WRITE, Sync.NONE, false),
  SPIN_UNLOCK("spin_unlock", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),

  LOCK_BIT("lock_page", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, true),
  TRYLOCK_BIT("trylock_page", EventKind.ACQUIRE, Dep.WRITE, Sync.NONE, false),
  UNLOCK_BIT("unlock_page", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),

  SEQ_WRITE_BEGIN("write_seqcount_begin", EventKind.ACQUIRE, Dep.WRITE, Sync.NONE, false),
  SEQ_WRITE_END("write_seqcount_end", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),
  SEQ_READ_BEGIN("read_seqcount_begin", EventKind.READ, Dep.READ, Sync.ACQUIRE, false),
  SEQ_READ_RETRY("read_seqcount_retry", EventKind.READ, Dep.READ, Sync.NONE, false),

  COMPLETE("complete", EventKind.SIGNAL, Dep.WRITE, Sync.RELEASE, false),
  COMPLETE_ALL("complete_all", EventKind.SIGNAL, Dep.WRITE, Sync.RELEASE, false),
  WAIT_FOR_COMPLETION("wait_for_completion", EventKind.WAIT, Dep.WRITE, Sync.ACQUIRE, true),
  TRY_WAIT_FOR_COMPLETION("try_wait_for_completion", EventKind.WAIT, Dep.WRITE, Sync.NONE, false),

  RCU_READ_LOCK("rcu_read_lock", EventKind.ACQUIRE, Dep.RCU_READER, Sync.NONE, false),
  RCU_READ_UNLOCK("rcu_read_unlock", EventKind.RELEASE, Dep.RCU_READER, Sync.RELEASE, false),
  RCU_READ_LOCK_NESTED("rcu_read_lock(nested)", EventKind.ACQUIRE, Dep.LOCAL, Sync.NONE, false),
  RCU_READ_UNLOCK_NESTED("rcu_read_unlock(nested)", EventKind.RELEASE, Dep.LOCAL, Sync.NONE, false),
  SYNCHRONIZE_RCU("synchronize_rcu", EventKind.WAIT, Dep.WRITE, Sync.NONE, true),
  RCU_GP_WAIT("rcu_grace_period", EventKind.WAIT, Dep.OBSERVE, Sync.ACQUIRE, true),
  CALL_RCU("call_rcu", EventKind.SPAWN, Dep.WRITE, Sync.NONE, false),

  GIANT_LOCK("giant_lock", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, false),
  GIANT_UNLOCK("giant_unlock", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),
  GIANT_SLEEP_RELEASE("sleep_release", EventKind.RELEASE, Dep.WRITE, Sync.RELEASE, false),
  GIANT_REACQUIRE("wake_reacquire", EventKind.ACQUIRE, Dep.WRITE, Sync.ACQUIRE, false),

  CHOOSE("choose", EventKind.CHOICE, Dep.LOCAL, Sync.NONE, false),
  YIELD("yield", EventKind.YIELD, Dep.LOCAL, Sync.NONE, false),
  SLEEP("might_sleep", EventKind.SLEEP, Dep.LOCAL, Sync.NONE, true),
  SPAWN("spawn", EventKind.SPAWN, Dep.LOCAL, Sync.NONE, false);

  /**
   * Dependency classes. Same-object pairs conflict when one is writer-side, except that an
   * rwsem arrival (taking a FIFO ticket) commutes with every acquisition and release of
   * other threads (only arrivals and trylocks observe the queue), RCU read-side boundaries
   * commute with each other, and an observation conflicts with every state change.
   */
  enum Dep {
    LOCAL, READ, WRITE, OBSERVE, RCU_READER,
    RW_READER, RW_WRITER, RW_ARRIVE_READER, RW_ARRIVE_WRITER, RW_TRY_READER, RW_TRY_WRITER;

    static final Dep[] VALUES = values();
    /** barrier[b][d]: an access of class b hides every earlier access conflicting with class d. */
    private static final boolean[][] BARRIER = new boolean[VALUES.length][VALUES.length];

    static {
      for (Dep b : VALUES) {
        for (Dep d : VALUES) {
          boolean all = conflict(b, d);
          for (Dep c : VALUES) {
            if (conflict(c, d) && !conflict(c, b)) {
              all = false;
            }
          }
          BARRIER[b.ordinal()][d.ordinal()] = all;
        }
      }
    }

    boolean writerSide() {
      return this == WRITE || this == RW_WRITER || this == RW_ARRIVE_WRITER || this == RW_TRY_WRITER;
    }

    boolean arrival() {
      return this == RW_ARRIVE_READER || this == RW_ARRIVE_WRITER;
    }

    boolean trylock() {
      return this == RW_TRY_READER || this == RW_TRY_WRITER;
    }

    /** Does not change the object's state. */
    boolean pureRead() {
      return this == READ || this == OBSERVE;
    }

    /** Do two accesses of the same object by different threads conflict? Symmetric. */
    static boolean conflict(Dep a, Dep b) {
      if (a == LOCAL || b == LOCAL) {
        return false;
      }
      if (a == OBSERVE || b == OBSERVE) {
        return !(a.pureRead() && b.pureRead());
      }
      if (a == RCU_READER || b == RCU_READER) {
        return a.writerSide() || b.writerSide();
      }
      if (a.arrival() != b.arrival() && !a.trylock() && !b.trylock()) {
        return false;
      }
      return a.writerSide() || b.writerSide();
    }

    /**
     * True if an access of class {@code b} conflicts with {@code d} and with every class that
     * conflicts with {@code d}: then every earlier access that conflicts with {@code d} is
     * ordered before {@code b}, and a scan for {@code d}'s dependencies can stop at {@code b}.
     */
    static boolean barrier(Dep b, Dep d) {
      return BARRIER[b.ordinal()][d.ordinal()];
    }
  }

  /** How a blocking operation races (see the class comment). */
  enum Block { NONE, EXCLUSIVE, TICKET, GRACE_PERIOD }

  enum Sync { NONE, ACQUIRE, RELEASE }

  final String opName;
  final EventKind kind;
  final Dep dep;
  final Sync sync;
  /** True if the kernel operation may sleep (might_sleep()): forbidden under a spinlock. */
  final boolean mightSleep;

  /** How this operation races if it may block. */
  Block block() {
    if (sync != Sync.ACQUIRE) {
      return Block.NONE;
    }
    return switch (this) {
      case DOWN_READ_ACQ, DOWN_WRITE_ACQ, RANGE_READ_ACQ, RANGE_WRITE_ACQ -> Block.TICKET;
      case RCU_GP_WAIT -> Block.GRACE_PERIOD;
      default -> Block.EXCLUSIVE;
    };
  }

  OpCode(String opName, EventKind kind, Dep dep, Sync sync, boolean mightSleep) {
    this.opName = opName;
    this.kind = kind;
    this.dep = dep;
    this.sync = sync;
    this.mightSleep = mightSleep;
  }
}
