package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.Violation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Console text in Java PathFinder's spirit. A report is a sequence of sections, each opened by
 * a rule line {@code ====...==== name}:
 *
 * <pre>
 * mmcheck - exhaustive interleaving checker for Linux address-space locking
 * ====================================================== system under test
 * abba (dev.mmcheck.engine.examples.Abba)
 * ====================================================== configuration      (if shown)
 * target = abba   # abba.jpf:3
 * ====================================================== error #1           (per violation)
 * deadlock
 * deadlock: wait-for cycle t1 -[B]-> t2 -[A]-> t1
 *   t1 waits in mutex_lock(B) held by [t2]
 * found in execution #3, which ended in deadlock, at event [1] of thread t2
 * conflicting events: [1] t2 mutex_lock(B), [0] t1 mutex_lock(A) (the acquisitions that close ...)
 * schedule: 2 events, 1 context switch, 1 preemption
 * ====================================================== trace #1           (per violation)
 * ------------------------------------------------------ transition #0 thread: t1
 *   [0] mutex_lock(A)   at Abba.java:17 (Abba.lambda$setup$0)   held: A   <-- in the wait-for cycle
 * ...
 * ------------------------------------------------------ blocked at the end
 *   t1  mutex_lock(B)   at Abba.java:18 (Abba.lambda$setup$0)   held: A   <== waits for t2, which holds B
 * ====================================================== results
 * error #1: deadlock "deadlock: wait-for cycle t1 -[B]-> t2 -[A]-> t1"
 * ====================================================== statistics
 * executions:          2 ...
 * ====================================================== search finished: 2025-05-01 10:33:02 UTC
 * </pre>
 *
 * <p>A transition is a maximal run of consecutive events of one thread, numbered from 0 as in
 * JPF. Each event line shows its index, the operation ({@link EventText}), the model source
 * location, the locks the thread held just after it and the rwsems it is queued on; the event
 * at which the violation was reported is marked {@code <== property} (not for a deadlock, which
 * no single event causes) and the other conflicting events {@code <-- ...}. A lock-order cycle's
 * details are printed lockdep-style ({@link LockdepText}, indented two spaces); a minimised
 * counterexample ({@code search.minimize}) has a line saying how it was minimised. Threads blocked at
 * the end follow, with the operation they attempted. The start and end timestamps are UTC.
 * Pure: the same result and options give the same text.
 */
public final class TextReport {
  /** The rule that opens a section, followed by a blank and the section's name. */
  public static final String RULE = "======================================================";
  static final String THIN = "------------------------------------------------------";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

  private TextReport() {}

  /** The whole report, ending with a newline. */
  public static String render(Result result, ReportOptions o) {
    StringBuilder sb = new StringBuilder();
    sb.append("mmcheck - exhaustive interleaving checker for Linux address-space locking\n");
    section(sb, "system under test");
    sb.append(o.title()).append('\n');
    if (o.showConfig() && !o.config().isEmpty()) {
      section(sb, "configuration");
      o.config().forEach(l -> sb.append(l).append('\n'));
    }
    section(sb, "search started" + when(result.statistics(), true, o.maskVolatile()));
    switch (result) {
      case Result.Verified v -> { }
      case Result.BoundReached b -> { }
      case Result.ViolationsFound f -> {
        for (int i = 0; i < f.violations().size(); i++) {
          sb.append(counterexample(i + 1, f.violations().get(i), o.showErrors(), o.showTrace()));
        }
      }
      case Result.ModelError e -> {
        section(sb, "model error");
        sb.append(e.message()).append('\n');
        if (e.context() != null && o.showTrace()) {
          section(sb, "trace before the model error");
          sb.append(trace(e.context()));
        }
      }
    }
    section(sb, "results");
    results(result).forEach(l -> sb.append(l).append('\n'));
    if (o.showStatistics()) {
      section(sb, "statistics");
      sb.append(statistics(result.statistics(), o.maskVolatile()));
    }
    section(sb, "search finished" + when(result.statistics(), false, o.maskVolatile()));
    return sb.toString();
  }

  /** {@code ": 2025-05-01 10:33:02 UTC"}, {@code ": --"} when masked, or nothing when unknown. */
  private static String when(Statistics s, boolean start, boolean mask) {
    Instant t = s == null ? null : start ? s.startedAt() : s.finishedAt();
    if (t == null) {
      return "";
    }
    return ": " + (mask ? "--" : timestamp(t));
  }

  /** {@code 2025-05-01 10:33:02 UTC}: a wall-clock instant as reports print it (UTC, seconds). */
  public static String timestamp(Instant t) {
    return STAMP.format(t);
  }

  /**
   * The {@code error #n} and/or {@code trace #n} sections of one counterexample (used by the
   * full report and by {@code replay}). The error section ends with the conflicting events
   * ({@link dev.mmcheck.engine.Conflict}) and the schedule's size, switches and preemptions.
   */
  public static String counterexample(int n, Counterexample c, boolean showError, boolean showTrace) {
    StringBuilder sb = new StringBuilder();
    if (showError) {
      section(sb, "error #" + n);
      Violation v = c.violation();
      sb.append(v.property()).append('\n').append(v.message()).append('\n');
      if (v.lockCycle() != null) {
        LockdepText.render(v.lockCycle()).lines()
            .forEach(l -> sb.append(l.isEmpty() ? "" : "  ").append(l).append('\n'));
      } else {
        v.details().forEach(d -> sb.append("  ").append(d).append('\n'));
      }
      sb.append("found in execution #").append(c.execution()).append(", which ended in ")
          .append(c.end().name().toLowerCase(Locale.ROOT).replace('_', ' '))
          .append(v.eventIndex() >= 0 ? ", at event [" + v.eventIndex() + "] of thread " + v.thread() : "")
          .append('\n');
      String why = TextTrace.conflictLine(c);
      if (!why.isEmpty()) {
        sb.append(why).append('\n');
      }
      if (c.contextSwitches() >= 0) {
        sb.append("schedule: ").append(c.trace().size()).append(c.trace().size() == 1 ? " event, " : " events, ")
            .append(plural(c.contextSwitches(), "context switch", "context switches")).append(", ")
            .append(plural(c.preemptions(), "preemption", "preemptions")).append('\n');
      }
      if (c.minimization() != null) {
        sb.append(minimization(c)).append('\n');
      }
    }
    if (showTrace) {
      section(sb, "trace #" + n);
      sb.append(trace(c));
    }
    return sb.toString();
  }

  /**
   * One line on how {@code c} was minimised ({@code search.minimize}), e.g. {@code minimised
   * (search.minimize = preemptions): 1 preemption is the fewest (bound 0 searched exhaustively);
   * first found: 3 preemptions, 12 events; 1 re-search, 52 executions}; empty if it was not.
   */
  public static String minimization(Counterexample c) {
    dev.mmcheck.engine.Minimization m = c.minimization();
    if (m == null) {
      return "";
    }
    boolean length = m.mode() == dev.mmcheck.engine.SearchOptions.Minimize.LENGTH;
    String what = plural(c.preemptions(), "preemption", "preemptions")
        + (length ? " and " + plural(c.trace().size(), "event", "events") : "");
    String claim = m.exact()
        ? " is the fewest" + (length ? " (then the shortest)" : "")
            + (c.preemptions() == 0 ? "" : c.preemptions() == 1 ? " (bound 0 searched exhaustively)"
                : " (bounds 0.." + (c.preemptions() - 1) + " searched exhaustively)")
        : " is the fewest found, NOT proven minimal (a re-search was cut by a bound)";
    return "minimised (search.minimize = " + m.mode().name().toLowerCase(Locale.ROOT) + "): " + what + claim
        + "; first found: " + plural(m.firstPreemptions(), "preemption", "preemptions") + ", "
        + plural(m.firstLength(), "event", "events") + "; " + plural(m.searches(), "re-search", "re-searches")
        + ", " + plural((int) Math.min(Integer.MAX_VALUE, m.executions()), "execution", "executions");
  }

  /**
   * The trace of {@code c} grouped by thread transitions, without a section rule; then the
   * threads blocked at the end, each with the operation it attempted and its source line.
   */
  public static String trace(Counterexample c) {
    return TextTrace.render(c);
  }

  private static String plural(int n, String one, String many) {
    return n + " " + (n == 1 ? one : many);
  }

  /**
   * The lines of the {@code results} section: {@code no errors detected} or one
   * {@code error #n: property "message"} per violation, then whether the search was exhaustive.
   */
  public static List<String> results(Result result) {
    return switch (result) {
      case Result.Verified v -> List.of("no errors detected", "search was exhaustive");
      case Result.BoundReached b -> List.of("no errors detected", notExhaustive(b.boundsHit()));
      case Result.ViolationsFound f -> {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < f.violations().size(); i++) {
          Violation v = f.violations().get(i).violation();
          lines.add("error #" + (i + 1) + ": " + v.property() + " \"" + v.message() + "\"");
        }
        if (!f.boundsHit().isEmpty()) {
          lines.add(notExhaustive(f.boundsHit()));
        }
        yield List.copyOf(lines);
      }
      case Result.ModelError e -> List.of("model error: " + firstLine(e.message()));
    };
  }

  /** One line for summaries, e.g. {@code error #1: deadlock "..." (2 errors)}. */
  public static String verdict(Result result) {
    return switch (result) {
      case Result.Verified v -> "no errors detected (exhaustive)";
      case Result.BoundReached b -> "no errors detected, " + notExhaustive(b.boundsHit());
      case Result.ViolationsFound f -> {
        Violation v = f.first().violation();
        yield "error #1: " + v.property() + " \"" + v.message() + "\""
            + (f.violations().size() > 1 ? " (" + f.violations().size() + " errors)" : "");
      }
      case Result.ModelError e -> "model error: " + firstLine(e.message());
    };
  }

  static String notExhaustive(List<Bound> bounds) {
    List<String> keys = bounds.stream().map(Bound::configKey).toList();
    return "search was NOT exhaustive: bound " + String.join(", ", keys) + " reached";
  }

  /** The statistics section's lines; {@code mask} replaces time, rates and heap by {@code --}. */
  public static String statistics(Statistics s, boolean mask) {
    if (s == null) {
      return "(none: the search did not start)\n";
    }
    StringBuilder sb = new StringBuilder();
    stat(sb, "executions", String.valueOf(s.executions()));
    stat(sb, "  completed", String.valueOf(s.completed()));
    stat(sb, "  deadlocked", String.valueOf(s.deadlocked()));
    stat(sb, "  pruned (sleep-blocked)", String.valueOf(s.sleepBlocked()));
    stat(sb, "  bounded", String.valueOf(s.bounded()));
    stat(sb, "violations", String.valueOf(s.violations()));
    stat(sb, "events", String.valueOf(s.events()));
    stat(sb, "max depth", String.valueOf(s.maxDepth()));
    stat(sb, "wall time", mask ? "--" : wallTime(s.wallMillis()));
    stat(sb, "executions/s", mask ? "--" : String.format(Locale.ROOT, "%.0f", s.executionsPerSecond()));
    stat(sb, "events/s", mask ? "--" : String.format(Locale.ROOT, "%.0f", s.eventsPerSecond()));
    stat(sb, "peak heap", mask ? "--" : (s.peakHeapBytes() + (1 << 19)) / (1 << 20) + " MB");
    return sb.toString();
  }

  /** {@code hh:mm:ss.mmm}. */
  public static String wallTime(long millis) {
    return String.format(Locale.ROOT, "%02d:%02d:%02d.%03d", millis / 3_600_000, millis / 60_000 % 60,
        millis / 1000 % 60, millis % 1000);
  }

  private static void stat(StringBuilder sb, String name, String value) {
    sb.append(pad(name + ":", 26)).append(value).append('\n');
  }

  static void section(StringBuilder sb, String name) {
    sb.append(RULE).append(' ').append(name).append('\n');
  }

  static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
