package dev.mmcheck.engine;

/**
 * Every kind of scheduling point, with what the explorer needs to know about it.
 *
 * <p><b>Dependency</b> ({@link Dep}): two operations of different threads are dependent when
 * they touch the same object and at least one is {@code WRITE}-like, or when one frees a
 * {@link Tracked} object whose cell (or the object itself) the other touches. {@code LOCAL}
 * operations are independent of everything. The classification is conservative: when unsure
 * an operation is {@code WRITE}-like (e.g. all semaphore operations, even two {@code up}s).
 * Read-side rwsem operations are mutually independent, and an rwsem arrival commutes with
 * other threads' acquisitions and releases (see {@link Dep} and {@link RwSemaphore}).
 *
 * <p><b>Synchronisation role</b> ({@link Sync}): an {@code ACQUIRE} operation is disabled until
 * some {@code RELEASE} operation on the same object enables it. A race between a release and
 * a later acquire cannot be reversed, so DPOR ignores it and instead looks for a race with
 * the previous acquire (the release in between does not count as ordering them), as in
 * Abdulla et al., JACM 2017, section 10.
 */
enum OpCode {
  READ("read", EventKind.READ, Dep.READ, Sync.NONE, false),
  WRITE("write", EventKind.WRITE, Dep.WRITE, Sync.NONE, false),
  ALLOC("alloc", EventKind.ALLOC, Dep.LOCAL, Sync.NONE, false),
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

  RCU_READ_LOCK("rcu_read_lock", EventKind.ACQUIRE, Dep.READ, Sync.NONE, false),
  RCU_READ_UNLOCK("rcu_read_unlock", EventKind.RELEASE, Dep.READ, Sync.RELEASE, false),
  SYNCHRONIZE_RCU("synchronize_rcu", EventKind.WAIT, Dep.WRITE, Sync.NONE, true),
  RCU_GP_WAIT("rcu_grace_period", EventKind.WAIT, Dep.WRITE, Sync.ACQUIRE, true),
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
   * other threads: only arrivals and trylocks observe the queue.
   */
  enum Dep {
    LOCAL, READ, WRITE,
    RW_READER, RW_WRITER, RW_ARRIVE_READER, RW_ARRIVE_WRITER, RW_TRY_READER, RW_TRY_WRITER;

    boolean writerSide() {
      return this == WRITE || this == RW_WRITER || this == RW_ARRIVE_WRITER || this == RW_TRY_WRITER;
    }

    boolean arrival() {
      return this == RW_ARRIVE_READER || this == RW_ARRIVE_WRITER;
    }

    boolean trylock() {
      return this == RW_TRY_READER || this == RW_TRY_WRITER;
    }

    /** Do two operations of different threads on the same object conflict? Symmetric. */
    static boolean conflict(Dep a, Dep b) {
      if (a == LOCAL || b == LOCAL) {
        return false;
      }
      if (a.arrival() != b.arrival() && !a.trylock() && !b.trylock()) {
        return false;
      }
      return a.writerSide() || b.writerSide();
    }
  }

  enum Sync { NONE, ACQUIRE, RELEASE }

  final String opName;
  final EventKind kind;
  final Dep dep;
  final Sync sync;
  /** True if the kernel operation may sleep (might_sleep()): forbidden under a spinlock. */
  final boolean mightSleep;

  /** An rwsem acquisition, whose order against conflicting ones is fixed by FIFO tickets. */
  boolean ticketOrdered() {
    return this == DOWN_READ_ACQ || this == DOWN_WRITE_ACQ;
  }

  OpCode(String opName, EventKind kind, Dep dep, Sync sync, boolean mightSleep) {
    this.opName = opName;
    this.kind = kind;
    this.dep = dep;
    this.sync = sync;
    this.mightSleep = mightSleep;
  }
}
