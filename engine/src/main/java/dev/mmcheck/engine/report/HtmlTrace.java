package dev.mmcheck.engine.report;

import static dev.mmcheck.engine.report.HtmlReport.esc;

import dev.mmcheck.engine.Conflict;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.TraceEvent;
import dev.mmcheck.engine.Violation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One counterexample's section of {@link HtmlReport}: the violation, why (the conflicting
 * events), the wait-for graph, the lock timeline, the swimlanes and the kernel-function legend.
 * Element ids start with a per-counterexample prefix ({@code c1-e37} is event 37 of error #1).
 *
 * <p>DOM contract (what the browser test and people's scripts may rely on): {@code .lane-head}
 * per thread with {@code data-thread}; {@code details.block} per run of one thread's events;
 * {@code li.ev} per event with {@code id}, {@code data-idx}, {@code data-thread}, and classes
 * {@code violation} / {@code conflict}; {@code .pending.blocked} per thread blocked at the end;
 * {@code .lockrow} per thread and lock with {@code data-thread} and {@code data-lock}, holding
 * {@code .seg} bars classed {@code held}, {@code requested} or {@code blocked};
 * {@code svg.waitfor} with a {@code .node} per thread and an {@code .edge} per wait.
 */
final class HtmlTrace {
  /** Blocks with at most this many events start open. */
  private static final int OPEN_BLOCK = 3;
  /** Events kept visible on each side of a highlighted one in an open block. */
  private static final int CONTEXT = 2;
  /** Runs of at least this many other events fold. */
  private static final int FOLD_MIN = 4;

  private HtmlTrace() {}

  static void counterexample(StringBuilder sb, String id, String heading, Counterexample c, ReportOptions o,
      SourceLines sources) {
    Violation v = c.violation();
    Conflict k = c.conflict();
    sb.append("<section class=\"cex\" id=\"").append(id).append("\" data-property=\"").append(esc(v.property()))
        .append("\" data-end=\"").append(c.end().name().toLowerCase(Locale.ROOT)).append("\">\n");
    sb.append("<h2>").append(esc(heading)).append("</h2>\n");
    if (o.showErrors()) {
      sb.append("<p class=\"message\">").append(esc(v.message())).append("</p>\n");
      if (v.lockCycle() != null) {
        sb.append("<pre class=\"lockdep\" id=\"").append(id).append("-lockdep\">")
            .append(esc(LockdepText.render(v.lockCycle()))).append("</pre>\n");
      } else if (!v.details().isEmpty()) {
        sb.append("<ul class=\"details\">").append("<li>").append(HtmlReport.escAll(v.details(), "</li><li>"))
            .append("</li></ul>\n");
      }
      sb.append("<p class=\"found\">found in execution #").append(c.execution()).append(", which ended in ")
          .append(esc(c.end().name().toLowerCase(Locale.ROOT).replace('_', ' ')));
      if (v.eventIndex() >= 0 && c.end() != ExecutionEnd.DEADLOCK) {
        sb.append(", at <a href=\"#").append(id).append("-e").append(v.eventIndex()).append("\">event [")
            .append(v.eventIndex()).append("]</a> of thread ").append(esc(v.thread()));
      }
      sb.append(". ").append(c.trace().size()).append(" events");
      if (c.contextSwitches() >= 0) {
        sb.append(", ").append(c.contextSwitches()).append(c.contextSwitches() == 1 ? " context switch, " : " context switches, ")
            .append(c.preemptions()).append(c.preemptions() == 1 ? " preemption" : " preemptions");
      }
      sb.append(".</p>\n");
      if (c.minimization() != null) {
        sb.append("<p class=\"minimized\">").append(esc(TextReport.minimization(c))).append("</p>\n");
      }
    }
    if (k != null) {
      sb.append("<div class=\"why\" data-rule=\"").append(k.rule().name().toLowerCase(Locale.ROOT)).append("\">")
          .append("<b>Why:</b> ").append(esc(k.rule().description())).append(": ");
      List<String> links = new ArrayList<>();
      for (int i : k.events()) {
        if (i < c.trace().size()) {
          TraceEvent te = c.trace().get(i);
          links.add("<a class=\"pair-link\" href=\"#" + id + "-e" + i + "\">[" + i + "] "
              + esc(te.event().thread().name()) + " <code>" + esc(EventText.event(te.event())) + "</code></a>");
        }
      }
      sb.append(String.join(k.rule() == Conflict.Rule.DEADLOCK_CYCLE ? ", " : " then ", links));
      sb.append(".</div>\n");
    }
    if (!o.showTrace()) {
      sb.append("</section>\n");
      return;
    }
    HtmlWaitFor.render(sb, id, c);
    locks(sb, id, c);
    lanes(sb, id, c, sources);
    sb.append("</section>\n");
  }

  private static void locks(StringBuilder sb, String id, Counterexample c) {
    LockTimeline lt = LockTimeline.of(c);
    if (lt.rows().isEmpty()) {
      return;
    }
    double units = lt.end() + 1;
    sb.append("<h3>Locks</h3>\n<div class=\"locks\" id=\"").append(id).append("-locks\" data-end=\"").append(lt.end())
        .append("\">\n<div class=\"lk-axis\"><span class=\"lk-name\">event</span><div class=\"track\">");
    int step = Math.max(1, (int) Math.ceil(lt.end() / 10.0));
    for (int i = 0; i < lt.end(); i += step) {
      sb.append("<span class=\"tick\" style=\"left:").append(pct((i + 0.5) / units)).append("\">").append(i).append("</span>");
    }
    sb.append("<span class=\"tick end\" style=\"left:").append(pct((lt.end() + 0.5) / units)).append("\">end</span></div></div>\n");
    for (LockTimeline.Row row : lt.rows()) {
      sb.append("<div class=\"lockrow\" data-thread=\"").append(esc(row.thread().name())).append("\" data-lock=\"")
          .append(esc(row.lock())).append("\"><span class=\"lk-name\" title=\"").append(esc(row.thread().name()))
          .append(" on ").append(esc(row.lock())).append("\">").append(esc(row.thread().name())).append(" &middot; ")
          .append(esc(row.lock())).append("</span><div class=\"track\">");
      if (c.conflict() != null) {
        for (int i : c.conflict().events()) {
          sb.append("<i class=\"mark\" style=\"left:").append(pct((i + 0.5) / units)).append("\"></i>");
        }
      }
      for (LockTimeline.Span s : row.spans()) {
        String state = s.state().name().toLowerCase(Locale.ROOT);
        String mode = LockTimeline.mode(s.lock());
        String to = s.to() >= lt.end() ? "the end" : "[" + s.to() + "]";
        String what = switch (s.state()) {
          case HELD -> "holds " + s.lock();
          case REQUESTED -> "queued for " + s.lock();
          case BLOCKED -> "waits for " + s.lock();
        };
        sb.append("<a class=\"seg ").append(state).append(mode.isEmpty() ? "" : " mode-" + mode)
            .append("\" data-from=\"").append(s.from()).append("\" data-to=\"").append(s.to())
            .append("\" style=\"left:").append(pct(s.from() / units)).append(";width:")
            .append(pct((Math.min(s.to(), lt.end()) - s.from() + 1) / units)).append("\" href=\"#").append(id)
            .append(s.from() < lt.end() ? "-e" + s.from() : "-p-" + esc(s.thread().name())).append("\" title=\"")
            .append(esc(s.thread().name() + " " + what + " from [" + s.from() + "] to " + to)).append("\"></a>");
      }
      sb.append("</div></div>\n");
    }
    sb.append("</div>\n");
  }

  private static String pct(double x) {
    return String.format(Locale.ROOT, "%.3f%%", x * 100);
  }

  private static void lanes(StringBuilder sb, String id, Counterexample c, SourceLines sources) {
    List<ThreadRef> threads = c.threads();
    Map<Integer, Integer> column = new LinkedHashMap<>();
    for (int i = 0; i < threads.size(); i++) {
      column.put(threads.get(i).id(), i + 2);
    }
    Map<String, SourceLines.Function> functions = new LinkedHashMap<>();
    sb.append("<h3>Trace</h3>\n<div class=\"toolbar\"><button type=\"button\" data-act=\"expand\">expand all</button>")
        .append("<button type=\"button\" data-act=\"collapse\">collapse all</button>")
        .append("<input type=\"search\" class=\"filter\" placeholder=\"filter events: object, operation, function\">")
        .append("</div>\n<div class=\"lanes\" id=\"").append(id).append("-lanes\" style=\"grid-template-columns: 4.5em repeat(")
        .append(threads.size()).append(", minmax(17em, 1fr))\">\n");
    for (ThreadRef t : threads) {
      sb.append("<div class=\"lane-head\" data-thread=\"").append(esc(t.name())).append("\" style=\"grid-column:")
          .append(column.get(t.id())).append("\">").append(esc(t.name())).append("</div>\n");
    }
    List<TraceEvent> events = c.trace();
    int row = 2;
    int block = 0;
    for (int start = 0; start < events.size(); block++, row++) {
      int tid = events.get(start).event().thread().id();
      int end = start;
      while (end + 1 < events.size() && events.get(end + 1).event().thread().id() == tid) {
        end++;
      }
      boolean open = end - start + 1 <= OPEN_BLOCK;
      for (int i = start; i <= end; i++) {
        open |= highlighted(c, i);
      }
      String thread = events.get(start).event().thread().name();
      sb.append("<div class=\"ix\" style=\"grid-row:").append(row).append("\">").append(start).append("</div>\n");
      sb.append("<details class=\"block\" data-thread=\"").append(esc(thread)).append("\" data-block=\"").append(block)
          .append("\" style=\"grid-row:").append(row).append(";grid-column:").append(column.get(tid)).append('"')
          .append(open ? " open" : "").append(">\n<summary>").append(blockSummary(events, start, end, sources))
          .append("</summary>\n<ol class=\"events\" start=\"").append(start).append("\">\n");
      boolean[] keep = keep(c, start, end);
      for (int i = start; i <= end; i++) {
        int j = i;
        while (j <= end && !keep[j - start]) {
          j++;
        }
        if (j - i >= FOLD_MIN) {
          sb.append("<li class=\"fold\"><details class=\"fold\"><summary>").append(j - i).append(" more events [")
              .append(i).append("&ndash;").append(j - 1).append("]</summary><ol class=\"events\">\n");
          for (int x = i; x < j; x++) {
            event(sb, id, c, events.get(x), sources, functions);
          }
          sb.append("</ol></details></li>\n");
          i = j - 1;
        } else {
          event(sb, id, c, events.get(i), sources, functions);
        }
      }
      sb.append("</ol>\n</details>\n");
      start = end + 1;
    }
    for (PendingOp p : c.pending()) {
      if (p.blocked()) {
        pending(sb, id, p, row, column.get(p.thread().id()), sources, functions);
      }
    }
    if (c.pending().stream().anyMatch(PendingOp::blocked)) {
      sb.append("<div class=\"ix end\" style=\"grid-row:").append(row).append("\">end</div>\n");
    }
    sb.append("</div>\n");
    if (!functions.isEmpty()) {
      sb.append("<h3>Kernel functions in this trace</h3>\n<dl class=\"functions\">\n");
      for (SourceLines.Function f : functions.values()) {
        sb.append("<dt id=\"").append(id).append("-fn-").append(esc(f.name())).append("\"><code>").append(esc(f.name()))
            .append("()</code> <span class=\"where\">").append(esc(f.modelClass())).append('.').append(esc(f.name()))
            .append(f.line() > 0 ? ", " + esc(f.file()) + ":" + f.line() : "").append("</span></dt><dd>")
            .append(f.summary().isEmpty() ? "(no Javadoc)" : esc(f.summary())).append("</dd>\n");
      }
      sb.append("</dl>\n");
    }
  }

  /**
   * Which events of the block {@code [start, end]} stay visible when it holds a highlighted
   * event: those within {@link #CONTEXT} of a highlighted one, and the block's first and last.
   * Longer runs of the others fold into a nested expandable list. Blocks without a highlighted
   * event keep everything (they start closed anyway, or are short).
   */
  private static boolean[] keep(Counterexample c, int start, int end) {
    boolean[] keep = new boolean[end - start + 1];
    boolean any = false;
    for (int i = start; i <= end; i++) {
      if (highlighted(c, i)) {
        any = true;
        for (int k = Math.max(start, i - CONTEXT); k <= Math.min(end, i + CONTEXT); k++) {
          keep[k - start] = true;
        }
      }
    }
    if (!any) {
      java.util.Arrays.fill(keep, true);
    }
    keep[0] = true;
    keep[keep.length - 1] = true;
    return keep;
  }

  private static boolean highlighted(Counterexample c, int i) {
    return (c.conflict() != null && c.conflict().contains(i)) || isViolation(c, i);
  }

  private static boolean isViolation(Counterexample c, int i) {
    return i == c.violation().eventIndex() && c.end() != ExecutionEnd.DEADLOCK && c.end() != ExecutionEnd.MODEL_ERROR;
  }

  /** {@code [3-9] 7 events: find_vma, do_no_page} (the kernel functions, else the first and last operation). */
  private static String blockSummary(List<TraceEvent> events, int start, int end, SourceLines sources) {
    List<String> fns = new ArrayList<>();
    for (int i = start; i <= end; i++) {
      sources.kernelFunction(events.get(i).stack()).ifPresent(f -> {
        if (!fns.contains(f.name())) {
          fns.add(f.name());
        }
      });
    }
    int n = end - start + 1;
    String gist;
    if (!fns.isEmpty()) {
      gist = String.join(", ", fns.size() > 4 ? fns.subList(0, 4) : fns) + (fns.size() > 4 ? ", ..." : "");
    } else {
      gist = EventText.event(events.get(start).event()) + (n > 1 ? " ... " + EventText.event(events.get(end).event()) : "");
    }
    String held = String.join(", ", events.get(end).held());
    return "<span class=\"range\">[" + start + (n > 1 ? "&ndash;" + end : "") + "]</span> <span class=\"count\">" + n
        + (n == 1 ? " event" : " events") + "</span> <span class=\"gist\">" + esc(gist) + "</span>"
        + (held.isEmpty() ? "" : " <span class=\"held\">held: " + esc(held) + "</span>");
  }

  private static void event(StringBuilder sb, String id, Counterexample c, TraceEvent te, SourceLines sources,
      Map<String, SourceLines.Function> functions) {
    int i = te.event().index();
    boolean conflict = c.conflict() != null && c.conflict().contains(i);
    boolean violation = isViolation(c, i);
    sb.append("<li class=\"ev").append(conflict ? " conflict" : "").append(violation ? " violation" : "")
        .append("\" id=\"").append(id).append("-e").append(i).append("\" data-idx=\"").append(i)
        .append("\" data-thread=\"").append(esc(te.event().thread().name())).append("\" data-kind=\"")
        .append(te.event().kind().name().toLowerCase(Locale.ROOT)).append("\"><span class=\"idx\">").append(i)
        .append("</span> <code class=\"op\">").append(esc(EventText.event(te.event()))).append("</code>");
    source(sb, id, te.stack(), te.location(), sources, functions);
    if (!te.held().isEmpty()) {
      sb.append("<div class=\"held\">held: ").append(HtmlReport.escAll(te.held(), ", ")).append("</div>");
    }
    if (violation) {
      sb.append("<div class=\"note bad\">&#9888; ").append(esc(c.violation().property())).append(" reported here</div>");
    }
    if (conflict) {
      List<String> others = new ArrayList<>();
      for (int j : c.conflict().events()) {
        if (j != i) {
          others.add("<a class=\"partner\" href=\"#" + id + "-e" + j + "\">[" + j + "]</a>");
        }
      }
      sb.append("<div class=\"note\">&#8644; conflicts with ").append(String.join(", ", others)).append("</div>");
      stack(sb, te.stack());
    }
    sb.append("</li>\n");
  }

  private static void pending(StringBuilder sb, String id, PendingOp p, int row, int column, SourceLines sources,
      Map<String, SourceLines.Function> functions) {
    sb.append("<div class=\"pending blocked\" id=\"").append(id).append("-p-").append(esc(p.thread().name()))
        .append("\" data-thread=\"").append(esc(p.thread().name())).append("\" style=\"grid-row:").append(row)
        .append(";grid-column:").append(column).append("\"><span class=\"tag\">blocked</span> <code class=\"op\">")
        .append(esc(EventText.pending(p))).append("</code>");
    source(sb, id, p.stack(), p.location(), sources, functions);
    if (!p.held().isEmpty()) {
      sb.append("<div class=\"held\">held: ").append(HtmlReport.escAll(p.held(), ", ")).append("</div>");
    }
    String why = esc(TextTrace.waitsFor(p));
    if (p.queued()) {
      why = why.replace("[" + p.requestEvent() + "]",
          "<a href=\"#" + id + "-e" + p.requestEvent() + "\">[" + p.requestEvent() + "]</a>");
    }
    sb.append("<div class=\"note bad\">").append(why).append("</div>");
    stack(sb, p.stack());
    sb.append("</div>\n");
  }

  /** The location, source line and kernel-function chip of a call. */
  private static void source(StringBuilder sb, String id, List<StackTraceElement> stack, String location,
      SourceLines sources, Map<String, SourceLines.Function> functions) {
    Optional<SourceLines.Function> fn = sources.kernelFunction(stack);
    if (fn.isPresent()) {
      SourceLines.Function f = fn.get();
      functions.putIfAbsent(f.name(), f);
      sb.append(" <a class=\"fn\" href=\"#").append(id).append("-fn-").append(esc(f.name())).append("\" title=\"")
          .append(esc(f.summary())).append("\">").append(esc(f.name())).append("</a>");
    }
    String loc = stack.isEmpty() ? location : stack.get(0).getFileName() + ":" + stack.get(0).getLineNumber();
    sb.append("<div class=\"src\"><span class=\"loc\" title=\"").append(esc(location)).append("\">").append(esc(loc))
        .append("</span>");
    if (!stack.isEmpty()) {
      sources.line(stack.get(0)).ifPresent(l -> sb.append(" <code class=\"line\">").append(esc(l)).append("</code>"));
    }
    sb.append("</div>");
  }

  /** The model call stack of a highlighted event, innermost first. */
  private static void stack(StringBuilder sb, List<StackTraceElement> stack) {
    if (stack.size() < 2) {
      return;
    }
    sb.append("<details class=\"stack\"><summary>model stack</summary><ol>");
    for (StackTraceElement f : stack) {
      String cls = f.getClassName();
      sb.append("<li>").append(esc(cls.substring(cls.lastIndexOf('.') + 1) + "." + f.getMethodName())).append(" (")
          .append(esc(f.getFileName() + ":" + f.getLineNumber())).append(")</li>");
    }
    sb.append("</ol></details>");
  }
}
