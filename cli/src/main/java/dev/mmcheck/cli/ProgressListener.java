package dev.mmcheck.cli;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.SearchListener;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.report.TextReport;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Prints a progress line at most every {@code interval} (checked at the end of each execution):
 * {@code progress: 12345 executions (4321/s), 00:00:05.002 elapsed, max depth 42}. Enabled by
 * {@code --progress}, or by default when stderr is a terminal. Costs one clock read per
 * execution.
 */
public final class ProgressListener implements ExecutionListener, SearchListener {
  private final PrintStream out;
  private final long intervalNanos;
  private final LongSupplier clock;
  private final long start;
  private long lastPrint;
  private long executions;
  private int maxDepth;
  private boolean printed;

  /** @param clock nanosecond clock ({@code System::nanoTime}; tests pass a fake) */
  public ProgressListener(PrintStream out, Duration interval, LongSupplier clock) {
    this.out = out;
    this.intervalNanos = interval.toNanos();
    this.clock = clock;
    this.start = clock.getAsLong();
    this.lastPrint = start;
  }

  public ProgressListener(PrintStream out) {
    this(out, Duration.ofSeconds(3), System::nanoTime);
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    executions++;
    maxDepth = Math.max(maxDepth, ctx.eventCount());
    long now = clock.getAsLong();
    if (now - lastPrint >= intervalNanos) {
      lastPrint = now;
      printed = true;
      out.println(line(now));
    }
  }

  @Override
  public void searchFinished(Statistics statistics) {
    if (printed) {
      out.println(line(clock.getAsLong()) + " (done)");
    }
  }

  String line(long now) {
    long ms = Math.max(1, (now - start) / 1_000_000);
    return String.format(Locale.ROOT, "progress: %d executions (%.0f/s), %s elapsed, max depth %d",
        executions, executions * 1000.0 / ms, TextReport.wallTime(ms), maxDepth);
  }
}
