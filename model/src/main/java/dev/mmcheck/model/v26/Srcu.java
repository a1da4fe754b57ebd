package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.Tracked;
import java.util.ArrayList;
import java.util.List;

/**
 * A sleepable-RCU domain ({@code struct srcu_struct}, kernel/srcu.c since 2.6.19) as the
 * speculative-page-fault series used one for VMAs: {@code vma_srcu} ("We use the SRCU VMA
 * freeing to keep the VMA around", Peter Zijlstra / Laurent Dufour, "mm: Provide speculative
 * fault infrastructure", v4 14/20, Message-Id
 * 1507543672-25821-15-git-send-email-ldufour@linux.vnet.ibm.com): a reader may sleep inside
 * {@code srcu_read_lock}/{@code srcu_read_unlock}; {@code call_srcu(obj)} frees {@code obj} only
 * after every read section that had begun before the call has ended.
 *
 * <p>Built in the model from engine primitives rather than the engine's {@code Rcu} (whose read
 * sections may not sleep): each read section registers a fresh {@link Completion} in the cell of
 * active readers and completes it when it ends; {@link #callSrcu} snapshots that cell and spawns
 * a callback thread {@code srcu_cb:<obj>} that waits for each snapshotted completion and then
 * frees the object, so every point after the grace period at which the free may run is explored.
 * Readers never wait. The register/unregister read-modify-write is done under a private spinlock
 * (class {@code srcu}; the kernel's per-CPU counters are updated with preemption disabled).
 * Per-execution state only: one instance per scenario setup.
 */
public final class Srcu {
  private final String name;
  private final SpinLock lock;
  private final Cell<List<Completion>> readers;
  private int sections;

  /** A domain named {@code name} (e.g. {@code mm.vma_srcu}). */
  public Srcu(String name) {
    this.name = name;
    this.lock = new SpinLock(name + ".lock", "srcu");
    this.readers = new Cell<>(name + ".readers", List.of());
  }

  /** {@code srcu_read_lock()}: returns the section's handle for {@link #readUnlock}. Never sleeps. */
  public Completion readLock() {
    Completion c = new Completion(name + ".section[" + sections++ + "]");
    lock.lock();
    List<Completion> l = new ArrayList<>(readers.get());
    l.add(c);
    readers.set(List.copyOf(l));
    lock.unlock();
    return c;
  }

  /** {@code srcu_read_unlock()}: ends the section begun by {@link #readLock} that returned {@code c}. */
  public void readUnlock(Completion c) {
    lock.lock();
    List<Completion> l = new ArrayList<>(readers.get());
    l.remove(c);
    readers.set(List.copyOf(l));
    lock.unlock();
    c.completeAll();
  }

  /** {@code call_srcu(sp, &obj->rcu, free)}: frees {@code obj} after a grace period, from a callback thread. */
  public void callSrcu(Tracked obj) {
    lock.lock();
    List<Completion> snapshot = readers.get();
    lock.unlock();
    Sched.spawn("srcu_cb:" + obj.name(), () -> {
      for (Completion c : snapshot) {
        c.waitForCompletion();
      }
      obj.free();
    });
  }

  public String name() {
    return name;
  }
}
