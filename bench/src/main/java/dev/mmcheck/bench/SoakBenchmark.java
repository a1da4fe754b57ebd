package dev.mmcheck.bench;

import dev.mmcheck.cli.Outcome;
import dev.mmcheck.cli.Prepared;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Result;
import java.util.ArrayList;
import java.util.List;

/**
 * The heap soak of issue 15 item 8(a): every config given is run once as shipped (its verdict,
 * judged against its {@code expect}), then soaked: searched with {@code search.strategy =
 * exhaustive} (so that even configs that optimal DPOR finishes in a few executions run long),
 * again and again with fresh properties if a search ends early, until {@code executions}
 * executions. The heap retained after a full GC is sampled inside the search, at execution
 * {@link #START_AT}, every {@link #SAMPLE_EVERY} and at the last one: with no retention the
 * first and the last are equal (flat), whatever the number of executions. A config whose
 * retained heap grows gets a class histogram of the live heap (as {@code jcmd
 * GC.class_histogram}) taken when it has grown, and is stopped before the heap runs out.
 *
 * <p>Usage: {@code SoakBenchmark executions seconds-per-config [--rows-only] config.jpf...};
 * prints markdown (with {@code --rows-only}: the table rows, the retention notes, and one line
 * {@code FLAT <flat> <total>}, for a script that runs each config in its own JVM, as
 * {@code bench/soak.sh} does so that one config's retention cannot slow down the next). Run it
 * with a small heap ({@code bench/soak.sh} uses {@code -Xmx256m}): retention then ends in an
 * out-of-memory model error rather than a slow search.
 */
public final class SoakBenchmark {
  private SoakBenchmark() {}

  /** The execution (counted over all searches of one config) at which the "start" sample is taken. */
  static final long START_AT = 100;
  /** Growth of the retained heap, start to end, above which a config is reported as retaining. */
  static final long GROWTH_LIMIT = 8L << 20;

  /** Executions between two intermediate samples of the retained heap. */
  static final long SAMPLE_EVERY = 2_500;
  /** Share of the maximum heap retained at which the soak of a config is stopped (before an OOM). */
  static final double STOP_AT = 0.6;

  /**
   * Counts executions over several searches and samples the retained heap: at {@link #START_AT},
   * every {@link #SAMPLE_EVERY} and at the last execution. The first sample that has grown by
   * more than {@link #GROWTH_LIMIT} takes a class histogram; a sample above {@link #STOP_AT}
   * of the heap stops the soak ({@link #control}), so the histogram is taken before the heap
   * runs out.
   */
  static final class Probe implements ExecutionListener {
    final long end;
    final dev.mmcheck.engine.Checker.Control control = new dev.mmcheck.engine.Checker.Control();
    long count;
    long startBytes = -1;
    long endBytes = -1;
    String histogram;
    String stopped;

    Probe(long end) {
      this.end = end;
    }

    @Override
    public void executionFinished(ExecutionContext ctx, ExecutionEnd how) {
      count++;
      if (count == Math.min(START_AT, end)) {
        startBytes = Measure.retainedBytes();
      }
      boolean last = count == end;
      // cheap check every 100 executions (no forced GC): the heap live after the latest collection
      boolean filling = count % 100 == 0 && liveAfterLastGc() > STOP_AT * Runtime.getRuntime().maxMemory();
      if (last || filling || (count > START_AT && count % SAMPLE_EVERY == 0)) {
        long now = Measure.retainedBytes();
        endBytes = now;
        if (histogram == null && startBytes >= 0 && now - startBytes > GROWTH_LIMIT) {
          histogram = Measure.histogram(12, ".Execution", ".Mm26", ".Inode26", ".MmStruct", ".Inode");
        }
        long max = Runtime.getRuntime().maxMemory();
        if (!last && now > STOP_AT * max) {
          stopped = "stopped at " + count + ": " + Measure.mb(now) + " of " + Measure.mb(max) + " MB retained";
          control.interrupt();
        }
      }
    }
  }

  /** Heap in use right after the latest collection of each heap pool (what that GC found live). */
  static long liveAfterLastGc() {
    long sum = 0;
    for (java.lang.management.MemoryPoolMXBean p : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == java.lang.management.MemoryType.HEAP && p.getCollectionUsage() != null) {
        sum += p.getCollectionUsage().getUsed();
      }
    }
    return sum;
  }

  static String tableHeader() {
    return "| config | verdict as shipped (expect) | soak executions | searches | soak end | retained at "
        + String.format("%,d", START_AT) + " (MB) | at the end (MB) | growth (MB) | exec/s |\n"
        + "|---|---|---:|---:|---|---:|---:|---:|---:|";
  }

  static String verdict(Result r) {
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> "violation " + f.first().violation().property();
      case Result.BoundReached b -> "bound " + b.boundsHit();
      case Result.ModelError e -> "model error: " + shorten(e.message(), 90);
    };
  }

  static String shorten(String s, int n) {
    String one = s.replace('\n', ' ').replace('|', '/');
    return one.length() <= n ? one : one.substring(0, n) + "...";
  }

  public static void main(String[] args) {
    long executions = Long.parseLong(args[0]);
    long seconds = Long.parseLong(args[1]);
    boolean rowsOnly = args.length > 2 && args[2].equals("--rows-only");
    List<String> files = List.of(args).subList(rowsOnly ? 3 : 2, args.length);
    long jvmStart = Measure.retainedBytes();
    if (!rowsOnly) {
      System.out.println("<!-- SoakBenchmark " + executions + " " + seconds + ": " + SpeedBenchmark.header() + " -->");
      System.out.println();
      System.out.println(tableHeader());
    }
    int flat = 0;
    int total = 0;
    List<String> retaining = new ArrayList<>();
    for (String file : files) {
      total++;
      try {
        Configs.Loaded shipped = Configs.load(file, List.of());
        Prepared p = shipped.prepare();
        Result r = p.checker(List.of()).run();
        Outcome o = new Outcome(p, r);
        String v = verdict(r) + o.expectationMet().map(ok -> ok ? " (ok)" : " (UNEXPECTED)").orElse("");
        Probe probe = new Probe(executions);
        int searches = 0;
        String soakEnd = "";
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long t0 = System.nanoTime();
        while (probe.count < executions && System.nanoTime() < deadline) {
          long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000_000L);
          Configs.Loaded soak = Configs.load(file, List.of("search.strategy=exhaustive",
              "search.max_executions=" + (executions - probe.count), "search.time_limit=" + left + "s"));
          Result sr = soak.checker(List.of(probe)).run(probe.control);
          searches++;
          soakEnd = probe.stopped != null ? probe.stopped : verdict(sr);
          if (sr instanceof Result.ModelError || probe.stopped != null) {
            break;
          }
        }
        double sec = (System.nanoTime() - t0) / 1e9;
        long growth = probe.startBytes >= 0 && probe.endBytes >= 0 ? probe.endBytes - probe.startBytes : 0;
        boolean isFlat = probe.endBytes >= 0 && growth <= GROWTH_LIMIT && probe.stopped == null;
        flat += isFlat ? 1 : 0;
        if (probe.histogram != null) {
          retaining.add(file + " (" + Measure.mb(growth) + " MB more after " + probe.count + " executions):\n"
              + probe.histogram);
        }
        System.out.printf("| %s | %s | %,d | %d | %s | %s | %s | %s | %,.0f |%n", file, v, probe.count, searches,
            shorten(soakEnd, 60), probe.startBytes < 0 ? "-" : Measure.mb(probe.startBytes),
            probe.endBytes < 0 ? "-" : Measure.mb(probe.endBytes), probe.endBytes < 0 ? "-" : Measure.mb(growth),
            probe.count / sec);
      } catch (RuntimeException | OutOfMemoryError e) {
        System.out.printf("| %s | error: %s | | | | | | | |%n", file, shorten(String.valueOf(e), 90));
      }
    }
    long jvmEnd = Measure.retainedBytes();
    if (rowsOnly) {
      for (String r : retaining) {
        System.out.println("Retention: " + r.replace("\n", "\n    "));
      }
      System.out.println("FLAT " + flat + " " + total);
      return;
    }
    System.out.println();
    System.out.printf("%d of %d configs flat (retained heap grew by at most %d MB between execution %,d and %,d); "
        + "JVM retained heap %s MB before the first config, %s MB after the last.%n", flat, total,
        GROWTH_LIMIT >> 20, START_AT, executions, Measure.mb(jvmStart), Measure.mb(jvmEnd));
    for (String r : retaining) {
      System.out.println();
      System.out.println("Retention: " + r.replace("\n", "\n    "));
    }
  }
}
