package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel {@code struct rw_semaphore} with FIFO hand-off and writer preference, as
 * {@code mmap_sem} since 2.4: a waiting writer blocks new readers, so a thread that takes it
 * for read twice can deadlock against a writer queued in between (kernel rwsem readers are
 * not recursive).
 *
 * <p>Every {@code down_read}/{@code down_write} is two events: the <em>request</em>, which
 * takes a FIFO ticket (always enabled), and the <em>acquisition</em>, enabled when the ticket
 * allows it:
 *
 * <pre>
 *   down_read:  request R(k) --&gt; acquire when no writer holds it and no writer has a ticket &lt; k
 *   down_write: request W(k) --&gt; acquire when nobody holds it and nobody has a ticket &lt; k
 *
 *            R acquire                      up_read (last reader)
 *   FREE ---------------&gt; READERS(n) ----------------------------&gt; FREE
 *     | W acquire           | W(k) requested: readers requesting after k wait behind it
 *     v                     v
 *   WRITER --up_write--&gt; FREE       WRITER --downgrade_write--&gt; READERS(1)
 * </pre>
 *
 * Splitting the request from the acquisition makes writer preference visible to the
 * explorer without extra interleavings: a request commutes with other threads' acquisitions
 * and releases (it only orders against other requests and trylocks), so a reader and a writer
 * still have exactly two Mazurkiewicz traces. This is the classic FIFO semantics of the
 * 2.4-2.6 rwsem; optimistic spinning and lock stealing of later kernels are not modelled.
 */
public final class RwSemaphore extends SyncObject implements RwSem {
  private ModelThread writer;
  private final List<ModelThread> readers = new ArrayList<>(2);
  private final List<Waiter> queue = new ArrayList<>(2);
  private long nextTicket;

  private record Waiter(ModelThread thread, long ticket, boolean write) {}

  public RwSemaphore(String name) {
    this(name, null);
  }

  public RwSemaphore(String name, String lockClass) {
    super(name, lockClass);
  }

  /** {@code down_read()}: may sleep. */
  public void downRead() {
    if (siteRemoved(OpCode.DOWN_READ, null)) {
      return;
    }
    sleepingAcquire(OpCode.DOWN_READ, () -> {
      step(OpCode.DOWN_READ);
      step(OpCode.DOWN_READ_ACQ);
    }, OpCode.DOWN_READ_TRYLOCK);
    siteAcquired(null);
  }

  /** {@code down_read_trylock()}: true if acquired. */
  public boolean downReadTrylock() {
    return trylock(OpCode.DOWN_READ_TRYLOCK);
  }

  private boolean trylock(OpCode code) {
    if (siteRemoved(code, null)) {
      return true;
    }
    boolean got = (Boolean) stepValue(code, null);
    if (got) {
      siteAcquired(null);
    }
    return got;
  }

  /** {@code up_read()}. */
  public void upRead() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    step(OpCode.UP_READ);
  }

  /** {@code down_write()}: may sleep. */
  public void downWrite() {
    if (siteRemoved(OpCode.DOWN_WRITE, null)) {
      return;
    }
    sleepingAcquire(OpCode.DOWN_WRITE, () -> {
      step(OpCode.DOWN_WRITE);
      step(OpCode.DOWN_WRITE_ACQ);
    }, OpCode.DOWN_WRITE_TRYLOCK);
    siteAcquired(null);
  }

  /** {@code down_write_trylock()}: true if acquired. */
  public boolean downWriteTrylock() {
    return trylock(OpCode.DOWN_WRITE_TRYLOCK);
  }

  /** {@code up_write()}. */
  public void upWrite() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    step(OpCode.UP_WRITE);
  }

  /** {@code downgrade_write()}: the writer becomes a reader without releasing. */
  public void downgradeWrite() {
    if (siteHeldRemoved(null)) {
      return; // the down_write was removed: so is this; its up_read matches the removed acquisition
    }
    step(OpCode.DOWNGRADE_WRITE);
  }

  /** Not a scheduling point: for listeners and invariants. */
  public boolean isWriteLocked() {
    observed(OpCode.Dep.OBSERVE);
    return writer != null;
  }

  /** Not a scheduling point: number of readers holding it. */
  public int readerCount() {
    observed(OpCode.Dep.OBSERVE);
    return readers.size();
  }

  private boolean writerWaitingBefore(long ticket) {
    for (Waiter w : queue) {
      if (w.write && w.ticket < ticket) {
        return true;
      }
    }
    return false;
  }

  private Waiter waiterOf(ModelThread t) {
    for (Waiter w : queue) {
      if (w.thread == t) {
        return w;
      }
    }
    throw new IllegalStateException(t.name + " is not queued on " + name());
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    Waiter me = waiterOf(t);
    if (op.code == OpCode.DOWN_READ_ACQ) {
      return writer == null && !writerWaitingBefore(me.ticket);
    }
    return writer == null && readers.isEmpty() && queue.get(0) == me;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case DOWN_READ, DOWN_WRITE -> queue.add(new Waiter(t, nextTicket++, op.code == OpCode.DOWN_WRITE));
      case DOWN_READ_ACQ -> {
        queue.remove(waiterOf(t));
        addReader(t, false);
      }
      case DOWN_WRITE_ACQ -> {
        queue.remove(waiterOf(t));
        writer = t;
        exec.noteAcquire(t, this, LockMode.WRITE, false);
      }
      case DOWN_READ_TRYLOCK -> {
        if (writer != null || writerWaitingBefore(Long.MAX_VALUE)) {
          return Boolean.FALSE;
        }
        addReader(t, op.lockdepTrylock());
        return Boolean.TRUE;
      }
      case DOWN_WRITE_TRYLOCK -> {
        if (writer != null || !readers.isEmpty() || !queue.isEmpty()) {
          return Boolean.FALSE;
        }
        writer = t;
        exec.noteAcquire(t, this, LockMode.WRITE, op.lockdepTrylock());
        return Boolean.TRUE;
      }
      case UP_READ -> {
        if (!readers.remove(t)) {
          throw new ModelBug("up_read(" + name() + ") by " + t.name + ", which does not hold it for read");
        }
        exec.noteRelease(t, this, LockMode.SHARED);
      }
      case UP_WRITE, DOWNGRADE_WRITE -> {
        if (writer != t) {
          throw new ModelBug(op.code.opName + "(" + name() + ") by " + t.name + ", which does not hold it for write");
        }
        writer = null;
        exec.noteRelease(t, this, LockMode.WRITE);
        if (op.code == OpCode.DOWNGRADE_WRITE) {
          addReader(t, true);
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  private void addReader(ModelThread t, boolean trylock) {
    readers.add(t);
    exec.noteAcquire(t, this, LockMode.SHARED, trylock);
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    List<ModelThread> out = new ArrayList<>();
    if (writer != null) {
      out.add(writer);
    }
    Waiter me = null;
    for (Waiter w : queue) {
      if (w.thread == waiter) {
        me = w;
      }
    }
    if (me == null || me.write) {
      out.addAll(readers);
    }
    if (me != null) {
      for (Waiter w : queue) {
        if (w.ticket < me.ticket && (me.write || w.write)) {
          out.add(w.thread);
        }
      }
    }
    out.remove(waiter);
    return out;
  }
}
