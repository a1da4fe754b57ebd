package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * An RCU domain: read-side critical sections, grace periods and deferred frees.
 *
 * <ul>
 *   <li>{@code rcu_read_lock}/{@code rcu_read_unlock} nest; the outermost pair is one read
 *       section. Sleeping inside one is a violation (as under a spinlock).
 *   <li>{@code synchronize_rcu} waits for every read section that had started before it was
 *       called (not for ones that start later); called inside a read section it deadlocks.
 *   <li>{@code call_rcu(obj)} frees {@code obj} after such a grace period. The free runs on a
 *       helper model thread {@code rcu_cb:<obj>}, so every point after the grace period at
 *       which the callback may run is explored.
 * </ul>
 */
public final class Rcu extends SyncObject {
  public Rcu(String name) {
    super(name, null);
  }

  public void readLock() {
    step(OpCode.RCU_READ_LOCK);
  }

  public void readUnlock() {
    step(OpCode.RCU_READ_UNLOCK);
  }

  /** Waits for a grace period. May sleep. */
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

  /** Frees {@code object} (through {@link Tracked#free()}) after a grace period. */
  public void callRcu(Tracked object) {
    int[] snapshot = (int[]) stepValue(OpCode.CALL_RCU, object);
    exec.spawn("rcu_cb:" + object.name(), () -> {
      stepValue(OpCode.RCU_GP_WAIT, snapshot);
      object.free();
    });
  }

  /** True if the calling model thread is inside a read section. Not a scheduling point. */
  public boolean inReadSection() {
    ModelThread t = exec.running();
    return t != null && t.rcuDepth > 0;
  }

  private int[] snapshot() {
    List<ModelThread> ts = exec.threadList();
    int[] s = new int[ts.size()];
    for (int i = 0; i < s.length; i++) {
      ModelThread t = ts.get(i);
      s[i] = t.rcuDepth > 0 ? t.rcuSection : -1;
    }
    return s;
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    int[] s = (int[]) op.arg;
    List<ModelThread> ts = exec.threadList();
    for (int i = 0; i < s.length; i++) {
      ModelThread r = ts.get(i);
      if (s[i] >= 0 && r.rcuDepth > 0 && r.rcuSection == s[i]) {
        return false;
      }
    }
    return true;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case RCU_READ_LOCK -> {
        if (t.rcuDepth++ == 0) {
          t.rcuSection++;
          exec.noteAcquire(t, this, LockMode.SHARED, true);
        }
      }
      case RCU_READ_UNLOCK -> {
        if (t.rcuDepth == 0) {
          throw new ModelBug("rcu_read_unlock by " + t.name + " outside a read section");
        }
        if (--t.rcuDepth == 0) {
          exec.noteRelease(t, this, LockMode.SHARED);
        }
      }
      case SYNCHRONIZE_RCU, CALL_RCU -> {
        return snapshot();
      }
      case RCU_GP_WAIT -> {
        return null;
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>();
    for (ModelThread t : exec.threadList()) {
      if (t.rcuDepth > 0) {
        out.add(t);
      }
    }
    return out;
  }
}
