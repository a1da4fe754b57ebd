package dev.mmcheck.engine.props;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each thread holds, with the event that acquired it: the bookkeeping shared by lock-order
 * style properties (lockdep's held-lock stack). Feed it from {@code lockAcquired} /
 * {@code lockReleased} and {@link #clear()} it when an execution starts. It records the event
 * index only (no stack walk on the hot path): ask {@link ExecutionContext#stackAt} or
 * {@link ExecutionContext#witness} for the acquisition's stack when reporting. Not thread-safe
 * (callbacks never run concurrently).
 */
public final class HeldLocks {
  /**
   * One held lock: the lock, how it is held, and the index of the event that acquired it in
   * the current execution.
   */
  public record Acquisition(SyncObject lock, LockMode mode, int event) {
    /** E.g. {@code mm.mmap_sem(r) acquired at Fault.do_page_fault(Fault.java:40) <- ...} (may replay). */
    public String describe(ExecutionContext ctx) {
      return lock.name() + mode.tag() + " acquired at " + format(ctx.stackAt(event), 3);
    }
  }

  private final Map<Integer, List<Acquisition>> held = new HashMap<>();

  /** Forgets everything (call at the start and end of each execution). */
  public void clear() {
    held.clear();
  }

  /** What {@code thread} holds now, oldest first (a live view: copy it to keep it). */
  public List<Acquisition> of(ThreadRef thread) {
    return held.computeIfAbsent(thread.id(), k -> new ArrayList<>());
  }

  /** Records that {@code thread} now holds {@code lock}, acquired by event {@code event}. */
  public Acquisition acquired(ThreadRef thread, SyncObject lock, LockMode mode, int event) {
    Acquisition a = new Acquisition(lock, mode, event);
    of(thread).add(a);
    return a;
  }

  /** Records the release of the most recent acquisition of {@code lock} by {@code thread}. */
  public void released(ThreadRef thread, SyncObject lock) {
    List<Acquisition> mine = held.get(thread.id());
    if (mine == null) {
      return;
    }
    for (int i = mine.size() - 1; i >= 0; i--) {
      if (mine.get(i).lock() == lock) {
        mine.remove(i);
        return;
      }
    }
  }

  /** The innermost {@code frames} model frames as {@code Class.method(File.java:N) <- ...}, or "?". */
  public static String format(List<StackTraceElement> stack, int frames) {
    if (stack.isEmpty()) {
      return "?";
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.min(frames, stack.size()); i++) {
      StackTraceElement f = stack.get(i);
      String cls = f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1);
      if (i > 0) {
        sb.append(" <- ");
      }
      sb.append(cls).append('.').append(f.getMethodName()).append('(').append(f.getFileName()).append(':')
          .append(f.getLineNumber()).append(')');
    }
    return sb.toString();
  }
}
