package dev.mmcheck.cli;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.SearchListener;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.WaitFor;
import dev.mmcheck.engine.report.TextReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long search on stderr. Two modes:
 *
 * <ul>
 *   <li>{@link Mode#LIVE} (stderr is a terminal): one line rewritten in place ({@code \r}) a few
 *       times a second, from the first second on:
 *       <pre>  12,345 executions   4,321/s   depth 42 (max 67)   12% sleep-blocked   00:00:05</pre>
 *   <li>{@link Mode#LINES} (not a terminal: CI logs, pipes): a plain line every
 *       {@code interval}: <pre>progress: 12345 executions, 4321/s, depth 42 (max 67), 12% sleep-blocked, 00:00:05.002 elapsed</pre>
 * </ul>
 *
 * <p>The rate is over the last {@link #WINDOW} (executions finished in that window divided by
 * its length), not the average since the start, so it shows a search slowing down as its
 * executions get deeper. Depth is the event count of the execution that just finished. The
 * sleep-blocked share is the fraction of executions DPOR pruned as redundant. The first
 * violation is printed on its own line as soon as its execution ends ({@code
 * first violation: ...}), or at the end of the first second if it came earlier and the search
 * still runs; the report with its trace follows when the search ends. A search that ends
 * within a second prints nothing. A final line ends with {@code (done)} if anything was printed.
 * The {@code N violations} count is of executions that ended in a violation (repeats included).
 * Off with {@code --quiet}.
 *
 * <p>Costs one clock read per execution. Thread-safe: the workers of a parallel search
 * ({@code search.workers}) share one instance, whose callbacks are synchronised; each worker
 * reports {@code searchFinished}, and the final line is printed once. The engine tells listeners only how an execution ended, not which
 * property fired, so a violation is named by its execution; a deadlock by its wait-for cycle.
 */
public final class ProgressListener implements ExecutionListener, SearchListener {
  /** How progress is shown. */
  public enum Mode {
    /** A line rewritten in place: for terminals. */
    LIVE,
    /** A plain line now and then: for logs. */
    LINES
  }

  /** The span the executions/s rate is measured over. */
  public static final Duration WINDOW = Duration.ofSeconds(3);
  private static final long SAMPLE_NANOS = 200_000_000L;
  private static final long LIVE_FIRST_NANOS = 1_000_000_000L;
  /** Nothing is printed for searches shorter than this: their report follows at once. */
  private static final long QUIET_NANOS = 1_000_000_000L;

  private final PrintStream out;
  private final Mode mode;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final boolean deadlockIsViolation;
  private final long start;
  /** (nanos, executions) samples within the window, oldest first. */
  private final ArrayDeque<long[]> samples = new ArrayDeque<>();
  private long lastPrint;
  private long executions;
  private long sleepBlocked;
  private long violations;
  private int depth;
  private int maxDepth;
  private boolean printed;
  private boolean liveLineShown;
  /** searchFinished was handled (a parallel search reports it once per worker). */
  private boolean done;
  private String lastDeadlock;
  /** The first violation's line until it is printed (at once after the first second, never for a search shorter). */
  private String firstViolation;

  /**
   * @param out where to print (stderr)
   * @param mode live line or plain lines
   * @param interval time between updates
   * @param clock nanosecond clock ({@code System::nanoTime}; tests pass a fake)
   * @param deadlockIsViolation whether the run checks {@code deadlock} (a deadlocked execution
   *     is then a violation)
   */
  public ProgressListener(PrintStream out, Mode mode, Duration interval, LongSupplier clock,
      boolean deadlockIsViolation) {
    this.out = out;
    this.mode = mode;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.deadlockIsViolation = deadlockIsViolation;
    this.start = clock.getAsLong();
    this.lastPrint = start;
    samples.add(new long[] {start, 0});
  }

  /** The CLI's default for {@code mode}: live every 0.25 s, or a line every 5 s. */
  public static ProgressListener forCli(PrintStream out, Mode mode, boolean deadlockIsViolation) {
    Duration interval = mode == Mode.LIVE ? Duration.ofMillis(250) : Duration.ofSeconds(5);
    return new ProgressListener(out, mode, interval, System::nanoTime, deadlockIsViolation);
  }

  @Override
  public synchronized void deadlock(ExecutionContext ctx, WaitFor cycle) {
    if (cycle.cycle().isEmpty()) {
      lastDeadlock = "all unfinished threads blocked";
      return;
    }
    StringBuilder sb = new StringBuilder();
    for (WaitFor.Edge e : cycle.cycle()) {
      sb.append(e.waiter().name()).append(" -[").append(e.on().name()).append("]-> ");
    }
    lastDeadlock = sb.append(cycle.cycle().get(0).waiter().name()).toString();
  }

  @Override
  public synchronized void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    executions++;
    depth = ctx.eventCount();
    maxDepth = Math.max(maxDepth, depth);
    if (end == ExecutionEnd.SLEEP_BLOCKED) {
      sleepBlocked++;
    }
    long now = clock.getAsLong();
    boolean violation = end == ExecutionEnd.VIOLATION || end == ExecutionEnd.DEADLOCK && deadlockIsViolation;
    if (violation && violations++ == 0) {
      firstViolation = describeFirst(ctx, end, now);
    }
    if (firstViolation != null && now - start >= QUIET_NANOS) {
      printFirst();
    }
    if (now - samples.peekLast()[0] >= SAMPLE_NANOS) {
      samples.addLast(new long[] {now, executions});
      while (samples.size() > 2 && now - samples.peekFirst()[0] > WINDOW.toNanos()) {
        samples.removeFirst();
      }
    }
    boolean due = now - lastPrint >= intervalNanos && (mode == Mode.LINES || now - start >= LIVE_FIRST_NANOS);
    if (due) {
      lastPrint = now;
      show(now, false);
    }
  }

  private String describeFirst(ExecutionContext ctx, ExecutionEnd end, long now) {
    String what = end == ExecutionEnd.DEADLOCK ? "deadlock (" + lastDeadlock + ")" : "a property was violated";
    return "first violation: " + what + " in execution #" + ctx.executionNumber() + " at event "
        + Math.max(0, ctx.eventCount() - 1) + ", after " + TextReport.wallTime(millis(now))
        + "; the report follows when the search ends";
  }

  private void printFirst() {
    if (mode == Mode.LIVE && liveLineShown) {
      out.print("\r\033[K");
      liveLineShown = false;
    }
    out.println(firstViolation);
    out.flush();
    firstViolation = null;
    printed = true;
  }

  @Override
  public synchronized void searchFinished(Statistics statistics) {
    if (done) {
      return;
    }
    done = true;
    if (printed || liveLineShown) {
      show(clock.getAsLong(), true);
    }
  }

  private void show(long now, boolean done) {
    printed = true;
    if (mode == Mode.LIVE) {
      out.print("\r" + liveLine(now) + (done ? "  (done)\033[K\n" : "\033[K"));
      liveLineShown = !done;
    } else {
      out.println(line(now) + (done ? " (done)" : ""));
    }
    out.flush();
  }

  /** Executions per second over the last {@link #WINDOW}. */
  synchronized double rate(long now) {
    long[] oldest = samples.peekFirst();
    long dt = now - oldest[0];
    return dt <= 0 ? 0 : (executions - oldest[1]) * 1e9 / dt;
  }

  /** The plain line of {@link Mode#LINES}. */
  synchronized String line(long now) {
    return String.format(Locale.ROOT, "progress: %d executions, %.0f/s, depth %d (max %d), %d%% sleep-blocked, %s elapsed%s",
        executions, rate(now), depth, maxDepth, sleepPercent(), TextReport.wallTime(millis(now)), violationsNote());
  }

  /** The in-place line of {@link Mode#LIVE}. */
  synchronized String liveLine(long now) {
    long s = millis(now) / 1000;
    return String.format(Locale.ROOT, "  %,d executions   %,.0f/s   depth %d (max %d)   %d%% sleep-blocked   %02d:%02d:%02d%s",
        executions, rate(now), depth, maxDepth, sleepPercent(), s / 3600, s / 60 % 60, s % 60, violationsNote());
  }

  private String violationsNote() {
    return violations == 0 ? "" : violations == 1 ? "   1 violation" : "   " + violations + " violations";
  }

  private long sleepPercent() {
    return executions == 0 ? 0 : Math.round(100.0 * sleepBlocked / executions);
  }

  private long millis(long now) {
    return Math.max(0, (now - start) / 1_000_000);
  }
}
