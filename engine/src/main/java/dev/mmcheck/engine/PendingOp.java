package dev.mmcheck.engine;

import java.util.List;
import java.util.Objects;

/**
 * What a thread that had not finished was about to do when its execution ended: the
 * operation it was waiting in (a blocked lock acquisition, a completion wait) or simply its next
 * scheduling point. Counterexample traces list these after the executed events, so a
 * deadlocked thread's attempted acquisition appears with its source line.
 *
 * @param thread the thread
 * @param op the operation name, as in {@link Event#op()} (e.g. {@code mutex_lock},
 *     {@code down_read(acquired)})
 * @param object the object operated on, as in {@link Event#object()}
 * @param kind the kind the event would have had
 * @param blocked true if the operation could not run at the end (the thread was disabled)
 * @param requestEvent for an rwsem acquisition, the index of the thread's request event (the
 *     FIFO ticket it holds while queued); -1 otherwise
 * @param holders threads that hold {@code object} and so keep this one waiting (empty unless
 *     blocked)
 * @param queuedAhead threads queued ahead of this one on an rwsem (writer preference) that keep
 *     it waiting without holding the lock (empty unless blocked)
 * @param held locks the thread held at the end, as in {@link TraceEvent#held()}
 * @param stack the model frames of the pending call, innermost first; may be empty
 */
public record PendingOp(ThreadRef thread, String op, String object, EventKind kind, boolean blocked,
    int requestEvent, List<ThreadRef> holders, List<ThreadRef> queuedAhead, List<String> held,
    List<StackTraceElement> stack) {
  public PendingOp {
    Objects.requireNonNull(thread);
    Objects.requireNonNull(op);
    Objects.requireNonNull(object);
    Objects.requireNonNull(kind);
    holders = List.copyOf(holders);
    queuedAhead = List.copyOf(queuedAhead);
    held = List.copyOf(held);
    stack = List.copyOf(stack);
  }

  /** True if the thread holds an rwsem ticket and waits for its turn ({@link #requestEvent} &ge; 0). */
  public boolean queued() {
    return requestEvent >= 0;
  }

  /** {@code File.java:42 (Class.method)} of the innermost model frame, or {@code "?"}. */
  public String location() {
    return ModelFrames.location(stack);
  }
}
