package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Conflict;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The console trace of a counterexample ({@link TextReport#trace}): events grouped by thread
 * transition, then the threads blocked at the end. Pure.
 */
final class TextTrace {
  private static final int MAX_DESCRIBE_WIDTH = 48;

  private TextTrace() {}

  static String render(Counterexample c) {
    List<TraceEvent> events = c.trace();
    int descWidth = 0;
    int indexWidth = String.valueOf(Math.max(0, events.size() - 1)).length();
    for (TraceEvent te : events) {
      descWidth = Math.max(descWidth, Math.min(MAX_DESCRIBE_WIDTH, EventText.event(te.event()).length()));
    }
    List<PendingOp> blocked = c.pending().stream().filter(PendingOp::blocked).toList();
    for (PendingOp p : blocked) {
      descWidth = Math.max(descWidth, Math.min(MAX_DESCRIBE_WIDTH, EventText.pending(p).length()));
    }
    StringBuilder sb = new StringBuilder();
    int transition = 0;
    int lastThread = -1;
    Map<Integer, Map<String, String>> queued = new HashMap<>();
    for (TraceEvent te : events) {
      int tid = te.event().thread().id();
      if (tid != lastThread) {
        sb.append(TextReport.THIN).append(" transition #").append(transition++).append(" thread: ")
            .append(te.event().thread().name()).append('\n');
        lastThread = tid;
      }
      Map<String, String> q = queued.computeIfAbsent(tid, k -> new LinkedHashMap<>());
      if (te.event().kind() == EventKind.REQUEST) {
        q.put(te.event().object(), te.event().object() + (te.event().op().contains("write") ? "(w)" : "(r)"));
      } else if (te.event().op().endsWith(EventText.ACQUIRED)) {
        q.remove(te.event().object());
      }
      String index = String.format("[%" + indexWidth + "d]", te.event().index());
      String line = "  " + index + " " + pad(EventText.event(te.event()), descWidth) + "   at " + te.location()
          + (te.held().isEmpty() ? "" : "   held: " + String.join(", ", te.held()))
          + (q.isEmpty() ? "" : "   queued: " + String.join(", ", q.values()));
      String mark = marker(c, te.event().index());
      sb.append(line).append(mark.isEmpty() ? "" : "   " + mark).append('\n');
    }
    if (events.isEmpty()) {
      sb.append("  (no events)\n");
    }
    if (!blocked.isEmpty()) {
      sb.append(TextReport.THIN).append(" blocked at the end\n");
      int nameWidth = blocked.stream().mapToInt(p -> p.thread().name().length()).max().orElse(0);
      for (PendingOp p : blocked) {
        sb.append("  ").append(pad(p.thread().name(), nameWidth)).append("  ").append(pad(EventText.pending(p), descWidth))
            .append("   at ").append(p.location())
            .append(p.held().isEmpty() ? "" : "   held: " + String.join(", ", p.held()))
            .append("   <== ").append(waitsFor(p)).append('\n');
      }
    }
    switch (c.end()) {
      case DEADLOCK -> sb.append("  -- deadlock: no thread can run\n");
      case DEPTH_BOUND -> sb.append("  -- execution cut by search.depth_limit\n");
      case SPIN_BOUND -> sb.append("  -- execution cut by search.spin_limit (a busy-wait repeated)\n");
      case MODEL_ERROR -> sb.append("  -- the model diverged or failed here\n");
      case COMPLETED, VIOLATION, SLEEP_BLOCKED -> { }
    }
    return sb.toString();
  }

  /** {@code waits for t2, which holds B} / {@code queued since [8] behind munmap (queued)}. */
  static String waitsFor(PendingOp p) {
    List<String> parts = new ArrayList<>();
    if (p.queued()) {
      parts.add("queued since [" + p.requestEvent() + "]");
    }
    if (!p.holders().isEmpty()) {
      parts.add("waits for " + names(p.holders()) + (p.holders().size() == 1 ? ", which holds " : ", which hold ")
          + p.object());
    }
    if (!p.queuedAhead().isEmpty()) {
      parts.add("behind " + names(p.queuedAhead()) + " (queued earlier, not holding it)");
    }
    if (parts.isEmpty() || parts.size() == 1 && p.queued()) {
      parts.add("blocked");
    }
    return String.join(", ", parts);
  }

  private static String names(List<ThreadRef> ts) {
    return ts.stream().map(ThreadRef::name).collect(Collectors.joining(", "));
  }

  /** The {@code <==} / {@code <--} mark of event {@code i}, or "". */
  private static String marker(Counterexample c, int i) {
    boolean violating = i == c.violation().eventIndex() && c.end() != ExecutionEnd.DEADLOCK
        && c.end() != ExecutionEnd.MODEL_ERROR;
    Conflict k = c.conflict();
    String partner = "";
    if (k != null && k.contains(i)) {
      partner = switch (k.rule()) {
        case DEADLOCK_CYCLE -> "<-- in the wait-for cycle";
        case FREE_THEN_USE -> i == k.events().get(0) ? "<-- freed here, used at [" + k.events().get(1) + "]"
            : "<-- use of what [" + k.events().get(0) + "] freed";
        case LOCK_ORDER, LAST_RACE -> "<-- conflicts with [" + other(k, i) + "]";
      };
    }
    if (violating) {
      return "<== " + c.violation().property() + (partner.isEmpty() ? "" : " (" + partner.substring(4) + ")");
    }
    return partner;
  }

  private static int other(Conflict k, int i) {
    return k.events().get(0) == i ? k.events().get(k.events().size() - 1) : k.events().get(0);
  }

  /** {@code conflicting events: [4] munmap free(vma1) = true, [6] fault read(...) (rule)}, or "". */
  static String conflictLine(Counterexample c) {
    Conflict k = c.conflict();
    if (k == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (int i : k.events()) {
      if (i < c.trace().size()) {
        TraceEvent te = c.trace().get(i);
        parts.add("[" + i + "] " + te.event().thread().name() + " " + EventText.event(te.event()));
      }
    }
    return "conflicting events: " + String.join(", ", parts) + " (" + k.rule().description() + ")";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
