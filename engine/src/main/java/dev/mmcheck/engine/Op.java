package dev.mmcheck.engine;

/**
 * A pending or executed operation: what a thread will do at its next scheduling point.
 * Immutable. {@code obj} is the id of the object operated on (-1 for local operations);
 * {@code owner} the id of the {@link Tracked} object the target belongs to, or -1.
 */
final class Op {
  final OpCode code;
  final ModelObject target;
  final int obj;
  final int owner;
  final Object arg;
  /**
   * For a trylock code: this is the fast path of a blocking acquisition by a thread holding a
   * {@link GiantLock} (see {@link SyncObject#sleepingAcquire}); shown as
   * {@code <blocking op>(attempt)} and reported to lock listeners as a blocking acquisition.
   */
  final OpCode attemptOf;

  Op(OpCode code, ModelObject target, Object arg) {
    this(code, target, arg, null);
  }

  Op(OpCode code, ModelObject target, Object arg, OpCode attemptOf) {
    this.code = code;
    this.target = target;
    this.obj = target == null ? -1 : target.id;
    this.owner = target == null ? -1 : target.ownerId();
    this.arg = arg;
    this.attemptOf = attemptOf;
  }

  /** The operation name shown in events and traces. */
  String name() {
    return attemptOf == null ? code.opName : attemptOf.opName + "(attempt)";
  }

  /** True if the kernel operation may sleep: a blocking acquisition's fast path may too. */
  boolean mightSleep() {
    return attemptOf == null ? code.mightSleep : attemptOf.mightSleep;
  }

  /** For acquisitions: would lockdep treat it as a trylock (no dependency edge)? */
  boolean lockdepTrylock() {
    return attemptOf == null;
  }

  /** True if executing this op now would not block; decided by the target object. */
  boolean enabled(ModelThread t) {
    return target == null || code.sync != OpCode.Sync.ACQUIRE || target.enabled(this, t);
  }

  /** Adds what this op touches when thread {@code tid} performs it (see {@link Footprint}). */
  void accesses(int tid, Footprint.Builder b) {
    if (target == null) {
      return;
    }
    long key = target.key;
    switch (code) {
      case RCU_READ_LOCK, RCU_READ_UNLOCK -> {
        b.add(key, OpCode.Dep.RCU_READER);
        b.add(Footprint.readerSlot(key, tid), OpCode.Dep.WRITE);
      }
      case RCU_GP_WAIT -> {
        int[] snapshot = (int[]) arg;
        for (int r = 0; r < snapshot.length; r++) {
          if (snapshot[r] >= 0) {
            b.add(Footprint.readerSlot(key, r), OpCode.Dep.OBSERVE);
          }
        }
      }
      case TS_FREE -> {
        b.add(key, OpCode.Dep.WRITE);
        b.add(((Tracked) arg).key, OpCode.Dep.WRITE);
      }
      case TS_ALLOC -> {
        b.add(key, OpCode.Dep.WRITE);
        Tracked next = ((TypeStableCache<?>) target).nextReused();
        if (next != null) {
          b.add(next.key, OpCode.Dep.WRITE);
        }
      }
      default -> {
        if (target instanceof RangeLock) {
          long[] r = RangeLock.range(this);
          b.add(key, code.dep, r[0], r[1]);
        } else {
          b.add(key, code.dep);
        }
      }
    }
    if (target instanceof Cell<?> && target.ownerKey() >= 0) {
      b.add(target.ownerKey(), OpCode.Dep.READ);
    }
    if ((code.kind == EventKind.ACQUIRE || code.kind == EventKind.RELEASE) && code.dep != OpCode.Dep.LOCAL) {
      b.add(Footprint.heldSet(tid), OpCode.Dep.WRITE);
    }
  }

  /** Same operation on the same object: used to detect a model that diverges on replay. */
  boolean sameAs(Op o) {
    return code == o.code && obj == o.obj;
  }

  /**
   * The object shown in traces: the target's name, or for local operations their argument
   * ({@code might_sleep(GFP_KERNEL alloc)}, {@code choose(2)}, {@code spawn(rcu_cb:vma1)}).
   */
  String objectName() {
    if (target instanceof RangeLock) {
      long[] r = RangeLock.range(this);
      return target.name() + "[" + r[0] + "," + (r[1] == RangeLock.FULL_END ? "end" : String.valueOf(r[1])) + ")";
    }
    if (target != null) {
      return target.name();
    }
    return arg == null ? "" : String.valueOf(arg);
  }

  @Override
  public String toString() {
    return name() + "(" + objectName() + ")";
  }
}
