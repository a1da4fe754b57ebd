package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A kernel {@code struct rw_semaphore} with FIFO hand-off and writer preference, as
 * {@code mmap_sem} since 2.4: a waiting writer blocks new readers, so a thread that takes it
 * for read twice can deadlock against a writer queued in between (kernel rwsem readers are
 * not recursive).
 *
 * <pre>
 *            down_read (no writer holding or queued)         up_read (last)
 *   FREE ------------------------------------&gt; READERS(n) ---------------&gt; FREE
 *     |  down_write                               | down_write: queue W (ticket k)
 *     v                                           v
 *   WRITER --up_write--&gt; FREE            READERS(n) + queue [W(k)]
 *     |  downgrade_write --&gt; READERS(1)            down_read now queues R(k+1) behind W
 *
 *   queued reader R(k) wakes when: no writer holds and no queued writer has a ticket &lt; k
 *   queued writer W(k) wakes when: nobody holds and no queued waiter has a ticket &lt; k
 * </pre>
 *
 * A contended {@code down_read}/{@code down_write} is two events: the queueing (visible to
 * later arrivals) and the wake-up with the lock held. This is the classic FIFO semantics of
 * the 2.4-2.6 rwsem; optimistic spinning and lock stealing of later kernels are not modelled
 * (they add no deadlock that FIFO lacks for the scenarios here).
 */
public final class RwSemaphore extends SyncObject {
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
    if (stepValue(OpCode.DOWN_READ, null) == Execution.QUEUED) {
      step(OpCode.DOWN_READ_WAKE);
    }
  }

  /** {@code down_read_trylock()}: true if acquired. */
  public boolean downReadTrylock() {
    return (Boolean) stepValue(OpCode.DOWN_READ_TRYLOCK, null);
  }

  /** {@code up_read()}. */
  public void upRead() {
    step(OpCode.UP_READ);
  }

  /** {@code down_write()}: may sleep. */
  public void downWrite() {
    if (stepValue(OpCode.DOWN_WRITE, null) == Execution.QUEUED) {
      step(OpCode.DOWN_WRITE_WAKE);
    }
  }

  /** {@code down_write_trylock()}: true if acquired. */
  public boolean downWriteTrylock() {
    return (Boolean) stepValue(OpCode.DOWN_WRITE_TRYLOCK, null);
  }

  /** {@code up_write()}. */
  public void upWrite() {
    step(OpCode.UP_WRITE);
  }

  /** {@code downgrade_write()}: the writer becomes a reader without releasing. */
  public void downgradeWrite() {
    step(OpCode.DOWNGRADE_WRITE);
  }

  /** Not a scheduling point: for listeners and invariants. */
  public boolean isWriteLocked() {
    return writer != null;
  }

  /** Not a scheduling point: number of readers holding it. */
  public int readerCount() {
    return readers.size();
  }

  private boolean writerQueuedBefore(long ticket) {
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
    if (op.code == OpCode.DOWN_READ_WAKE) {
      return writer == null && !writerQueuedBefore(me.ticket);
    }
    if (writer != null || !readers.isEmpty()) {
      return false;
    }
    return queue.get(0) == me;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case DOWN_READ -> {
        if (writer == null && !writerQueuedBefore(Long.MAX_VALUE)) {
          addReader(t, false);
          return null;
        }
        queue.add(new Waiter(t, nextTicket++, false));
        return Execution.QUEUED;
      }
      case DOWN_READ_WAKE -> {
        queue.remove(waiterOf(t));
        addReader(t, false);
      }
      case DOWN_READ_TRYLOCK -> {
        if (writer != null || writerQueuedBefore(Long.MAX_VALUE)) {
          return Boolean.FALSE;
        }
        addReader(t, true);
        return Boolean.TRUE;
      }
      case UP_READ -> {
        if (!readers.remove(t)) {
          throw new ModelBug("up_read(" + name() + ") by " + t.name + ", which does not hold it for read");
        }
        exec.noteRelease(t, this, LockMode.SHARED);
      }
      case DOWN_WRITE -> {
        if (writer == null && readers.isEmpty() && queue.isEmpty()) {
          setWriter(t, false);
          return null;
        }
        queue.add(new Waiter(t, nextTicket++, true));
        return Execution.QUEUED;
      }
      case DOWN_WRITE_WAKE -> {
        queue.remove(waiterOf(t));
        setWriter(t, false);
      }
      case DOWN_WRITE_TRYLOCK -> {
        if (writer != null || !readers.isEmpty() || !queue.isEmpty()) {
          return Boolean.FALSE;
        }
        setWriter(t, true);
        return Boolean.TRUE;
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

  private void setWriter(ModelThread t, boolean trylock) {
    writer = t;
    exec.noteAcquire(t, this, LockMode.WRITE, trylock);
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
    if (me != null && !me.write) {
      for (Waiter w : queue) {
        if (w.write && w.ticket < me.ticket) {
          out.add(w.thread);
        }
      }
    } else {
      out.addAll(readers);
      if (me != null) {
        for (Waiter w : queue) {
          if (w.ticket < me.ticket) {
            out.add(w.thread);
          }
        }
      }
    }
    out.remove(waiter);
    return out;
  }
}
