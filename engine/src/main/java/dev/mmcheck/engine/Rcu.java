package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An RCU domain: read-side critical sections, grace periods and deferred frees. Each
 * {@code Rcu} object is its own domain (as separate SRCU structs are): a grace period of one
 * waits only for readers of that domain.
 *
 * <ul>
 *   <li>{@code rcu_read_lock}/{@code rcu_read_unlock} nest per thread and domain; the
 *       outermost pair is one read section. Sleeping inside one is a violation (as under a
 *       spinlock).
 *   <li>{@code synchronize_rcu} is two events: the snapshot, which records the read sections
 *       of this domain in progress, and the wait, enabled once each of them has ended. It does
 *       not wait for sections that start after the snapshot; called inside a read section of
 *       the same domain it deadlocks.
 *   <li>{@code call_rcu(obj)} takes a snapshot and frees {@code obj} after that grace period,
 *       on a helper model thread {@code rcu_cb:<obj>}, so every point after the grace period at
 *       which the callback may run is explored.
 * </ul>
 *
 * <p>Dependencies ({@link OpCode}): section boundaries of different threads commute; a
 * snapshot conflicts with every section boundary of the domain; the wait observes only the
 * reader slots of the snapshotted readers.
 *
 * <pre>
 *   reader t:  outside --rcu_read_lock--&gt; inside(section k) --rcu_read_unlock--&gt; outside
 *   updater:   synchronize: snapshot S = {(t, k) : t inside section k}
 *              wait: disabled while some (t, k) in S is still inside section k
 * </pre>
 */
public final class Rcu extends SyncObject {
  private final int[] depth = new int[Execution.MAX_THREADS];
  private final int[] section = new int[Execution.MAX_THREADS];

  public Rcu(String name) {
    super(name, null);
  }

  public void readLock() {
    if (siteRemoved(OpCode.RCU_READ_LOCK, null)) {
      return;
    }
    ModelThread me = exec.running();
    step(me != null && depth[me.id] > 0 ? OpCode.RCU_READ_LOCK_NESTED : OpCode.RCU_READ_LOCK);
    siteAcquired(null);
  }

  public void readUnlock() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    ModelThread me = exec.running();
    step(me != null && depth[me.id] > 1 ? OpCode.RCU_READ_UNLOCK_NESTED : OpCode.RCU_READ_UNLOCK);
  }

  /** Waits for a grace period of this domain. May sleep. */
  public void synchronize() {
    ModelThread me = exec.running();
    Runnable gp = () -> {
      int[] snapshot = (int[]) stepValue(OpCode.SYNCHRONIZE_RCU, null);
      stepValue(OpCode.RCU_GP_WAIT, snapshot);
    };
    if (me != null && !me.giants.isEmpty()) {
      exec.sleepWithoutGiants(me, gp);
    } else {
      gp.run();
    }
  }

  /** Frees {@code object} (through {@link Tracked#free()}) after a grace period of this domain. */
  public void callRcu(Tracked object) {
    int[] snapshot = (int[]) stepValue(OpCode.CALL_RCU, object);
    exec.spawn("rcu_cb:" + object.name(), () -> {
      stepValue(OpCode.RCU_GP_WAIT, snapshot);
      object.free();
    });
  }

  /** True if the calling model thread is inside a read section of this domain. Not a scheduling point. */
  public boolean inReadSection() {
    ModelThread t = exec.running();
    return t != null && depth[t.id] > 0;
  }

  private int[] snapshot() {
    int n = exec.threadIdLimit();
    int[] s = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = depth[i] > 0 ? section[i] : -1;
    }
    return s;
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    int[] s = (int[]) op.arg;
    for (int i = 0; i < s.length; i++) {
      if (s[i] >= 0 && depth[i] > 0 && section[i] == s[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case RCU_READ_LOCK, RCU_READ_LOCK_NESTED -> {
        if (t == null) {
          throw new ModelBug("rcu_read_lock(" + name() + ") outside a model thread");
        }
        if (depth[t.id]++ == 0) {
          section[t.id]++;
          exec.noteAcquire(t, this, LockMode.SHARED, true);
        }
      }
      case RCU_READ_UNLOCK, RCU_READ_UNLOCK_NESTED -> {
        if (t == null || depth[t.id] == 0) {
          throw new ModelBug("rcu_read_unlock(" + name() + ") by " + (t == null ? "setup" : t.name)
              + " outside a read section");
        }
        if (--depth[t.id] == 0) {
          exec.noteRelease(t, this, LockMode.SHARED);
        }
      }
      case SYNCHRONIZE_RCU, CALL_RCU -> {
        return snapshot();
      }
      case RCU_GP_WAIT -> {
        // shown in the trace: the readers this grace period waited for
        int[] s = (int[]) op.arg;
        List<String> waited = new ArrayList<>();
        for (int i = 0; i < s.length; i++) {
          ModelThread r = exec.thread(i);
          if (s[i] >= 0 && r != null) {
            waited.add(r.name);
          }
        }
        return waited;
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>();
    int[] s = waiter.pending != null && waiter.pending.code == OpCode.RCU_GP_WAIT ? (int[]) waiter.pending.arg : null;
    for (int i = 0; i < depth.length; i++) {
      ModelThread r = exec.thread(i);
      if (r != null && depth[i] > 0 && (s == null || (i < s.length && s[i] == section[i]))) {
        out.add(r);
      }
    }
    return out;
  }
}
