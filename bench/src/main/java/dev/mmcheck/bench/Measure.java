package dev.mmcheck.bench;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Statistics;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Timing and heap helpers shared by the benchmark harnesses: repeated searches for at least a
 * minimum time per repetition, medians over repetitions, and the heap retained after a full GC.
 * Figures are wall-clock and depend on the machine's load: compare rows of one run only.
 */
final class Measure {
  private Measure() {}

  /** Median figures of one program: the search's counts, and rates over the repetitions. */
  record Rates(Statistics last, double execPerSec, double eventsPerSec, double nsPerEvent, double msPerSearch) {}

  /**
   * Runs {@code search} (a fresh checker each time: properties keep state) over and over for at
   * least {@code minNanos} per repetition, {@code reps} repetitions; returns medians.
   */
  static Rates rates(Supplier<Checker> search, int reps, long minNanos) {
    double[] eps = new double[reps];
    double[] evps = new double[reps];
    double[] ms = new double[reps];
    Statistics last = null;
    for (int r = 0; r < reps; r++) {
      long execs = 0;
      long events = 0;
      int searches = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        Result res = search.get().run();
        if (res instanceof Result.ModelError e) {
          throw new IllegalStateException("model error: " + e.message());
        }
        last = res.statistics();
        execs += last.executions();
        events += last.events();
        searches++;
        elapsed = System.nanoTime() - start;
      } while (elapsed < minNanos);
      eps[r] = execs * 1e9 / elapsed;
      evps[r] = events * 1e9 / elapsed;
      ms[r] = elapsed / 1e6 / searches;
    }
    double ev = median(evps);
    return new Rates(last, median(eps), ev, 1e9 / ev, median(ms));
  }

  static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /**
   * The heap still reachable: used heap right after two full collections (System.gc() is a
   * full GC with the parallel collector the harness runs with). Not the used heap of a running
   * search, which includes garbage.
   */
  static long retainedBytes() {
    System.gc();
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  static String mb(long bytes) {
    return String.format("%.1f", bytes / (1024.0 * 1024.0));
  }

  /**
   * The top {@code lines} rows of a class histogram of the live heap (as jcmd
   * GC.class_histogram), then the rows of the classes whose names end with one of {@code also}
   * (e.g. {@code ".Execution"}), wherever they rank.
   */
  static String histogram(int lines, String... also) {
    try {
      Object out = ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      String[] all = String.valueOf(out).split("\n");
      StringBuilder sb = new StringBuilder(String.join("\n", Arrays.copyOf(all, Math.min(all.length, lines + 2))));
      for (int i = lines + 2; i < all.length; i++) {
        String cls = all[i].trim().replaceAll(" \\(.*\\)$", "");
        for (String a : also) {
          if (cls.endsWith(a)) {
            sb.append("\n").append(all[i]);
          }
        }
      }
      return sb.toString();
    } catch (javax.management.JMException e) {
      return "(no class histogram: " + e + ")";
    }
  }
}
