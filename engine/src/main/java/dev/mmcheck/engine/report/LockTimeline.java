package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.TraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who held what, and who waited for what, over a counterexample: per thread and lock, the
 * spans (in event indices) during which the thread had requested the lock, held it, or was
 * blocked on it at the end. Derived from the trace alone: a lock is held from the event after
 * which it appears in the thread's {@link TraceEvent#held()} list to the event after which it
 * is gone (still held at the end: {@link #end()}); an rwsem request ({@link EventKind#REQUEST})
 * starts a "requested" span that ends at the acquisition; a blocked pending operation
 * ({@link PendingOp#blocked()}) is a "blocked" span from the thread's last event (or its
 * request) to the end. Pure; deterministic order (threads by id, locks by first use).
 */
final class LockTimeline {
  /** What a span shows. */
  enum State { REQUESTED, HELD, BLOCKED }

  /**
   * One bar segment: thread {@code thread} and lock {@code lock} (with its mode tag for
   * {@link State#HELD}, e.g. {@code mm.mmap_sem(r)}) from event {@code from} to {@code to}
   * (inclusive; {@code to == end()} means "until the end").
   */
  record Span(ThreadRef thread, String lock, State state, int from, int to) {}

  /** One row: a thread's spans on one lock (mode tags dropped from the row's name). */
  record Row(ThreadRef thread, String lock, List<Span> spans) {}

  private final List<Row> rows;
  private final int end;

  private LockTimeline(List<Row> rows, int end) {
    this.rows = rows;
    this.end = end;
  }

  /** The index one past the last event: where "until the end" spans stop. */
  int end() {
    return end;
  }

  List<Row> rows() {
    return rows;
  }

  static LockTimeline of(Counterexample c) {
    int end = c.trace().size();
    Map<String, List<Span>> byRow = new LinkedHashMap<>();
    Map<String, ThreadRef> rowThread = new LinkedHashMap<>();
    Map<String, String> rowLock = new LinkedHashMap<>();
    for (ThreadRef t : c.threads()) {
      Map<String, Integer> heldSince = new LinkedHashMap<>();
      Map<String, Integer> requestedAt = new LinkedHashMap<>();
      List<String> before = List.of();
      int last = -1;
      for (TraceEvent te : c.trace()) {
        if (te.event().thread().id() != t.id()) {
          continue;
        }
        int i = te.event().index();
        last = i;
        if (te.event().kind() == EventKind.REQUEST) {
          requestedAt.put(te.event().object(), i);
        }
        for (String h : te.held()) {
          if (!before.contains(h)) {
            heldSince.put(h, i);
            Integer r = requestedAt.remove(name(h));
            if (r != null && r < i) {
              add(byRow, rowThread, rowLock, new Span(t, name(h), State.REQUESTED, r, i - 1));
            }
          }
        }
        for (String h : before) {
          if (!te.held().contains(h)) {
            add(byRow, rowThread, rowLock, new Span(t, h, State.HELD, heldSince.remove(h), i));
          }
        }
        before = te.held();
      }
      for (Map.Entry<String, Integer> h : heldSince.entrySet()) {
        add(byRow, rowThread, rowLock, new Span(t, h.getKey(), State.HELD, h.getValue(), end));
      }
      for (PendingOp p : c.pending()) {
        if (p.thread().id() == t.id() && p.blocked()) {
          int from = p.queued() ? p.requestEvent() : last + 1;
          requestedAt.remove(p.object());
          add(byRow, rowThread, rowLock, new Span(t, p.object(), State.BLOCKED, Math.min(from, end), end));
        }
      }
      for (Map.Entry<String, Integer> r : requestedAt.entrySet()) {
        add(byRow, rowThread, rowLock, new Span(t, r.getKey(), State.REQUESTED, r.getValue(), end));
      }
    }
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, List<Span>> e : byRow.entrySet()) {
      List<Span> spans = new ArrayList<>(e.getValue());
      spans.sort((a, b) -> a.from() != b.from() ? Integer.compare(a.from(), b.from()) : a.state().compareTo(b.state()));
      rows.add(new Row(rowThread.get(e.getKey()), rowLock.get(e.getKey()), List.copyOf(spans)));
    }
    rows.sort((a, b) -> Integer.compare(a.thread().id(), b.thread().id()));
    return new LockTimeline(List.copyOf(rows), end);
  }

  private static void add(Map<String, List<Span>> byRow, Map<String, ThreadRef> rowThread,
      Map<String, String> rowLock, Span s) {
    String key = s.thread().id() + "\u0000" + name(s.lock());
    byRow.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
    rowThread.put(key, s.thread());
    rowLock.put(key, name(s.lock()));
  }

  /** A held-list entry without its mode tag: {@code mm.mmap_sem(r)} to {@code mm.mmap_sem}. */
  static String name(String held) {
    if (held.endsWith("(r)") || held.endsWith("(w)")) {
      return held.substring(0, held.length() - 3);
    }
    return held;
  }

  /** The mode tag of a held-list entry: {@code "r"}, {@code "w"} or {@code ""}. */
  static String mode(String held) {
    return held.endsWith("(r)") ? "r" : held.endsWith("(w)") ? "w" : "";
  }
}
