package dev.mmcheck.bench;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.examples.DporBenchmarks;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search-speed benchmark of issue 13 (BENCHMARKS.md). Each mode prints markdown table rows
 * (medians over repetitions); {@code bench/all.sh} runs every mode in its own JVM, so that what
 * one program leaves on the heap cannot slow down the next, and prints the table headers.
 *
 * <pre>
 *   cold config [key=value...]          one search in this fresh JVM (class loading, JIT warm-up)
 *   warm reps config [key=value...]     the same search repeated, after a warm-up
 *   stacks reps eager|lazy config       issue 13.1: with the pre-13.1 stack walks re-added, or not
 *   trend searches config [key=value...]  the same search again and again: time and retained heap
 *   dpor reps                           the classic DPOR programs, optimal and source-DPOR
 *   scaling reps                        cost per event as executions get longer
 *   heap row                            retained heap inside one long search (row 0, 1, 2)
 * </pre>
 */
public final class SpeedBenchmark {
  private SpeedBenchmark() {}

  static final long MIN_NANOS = 1_000_000_000L;

  public static void main(String[] args) throws Exception {
    String mode = args.length > 0 ? args[0] : "";
    List<String> rest = List.of(args).subList(Math.min(1, args.length), args.length);
    switch (mode) {
      case "cold" -> cold(rest.get(0), rest.subList(1, rest.size()));
      case "warm" -> warm(Integer.parseInt(rest.get(0)), rest.get(1), rest.subList(2, rest.size()));
      case "stacks" -> stacks(Integer.parseInt(rest.get(0)), rest.get(1).equals("eager"), rest.get(2));
      case "trend" -> trend(Integer.parseInt(rest.get(0)), rest.get(1), rest.subList(2, rest.size()));
      case "dpor" -> dpor(Integer.parseInt(rest.get(0)));
      case "scaling" -> scaling(Integer.parseInt(rest.get(0)));
      case "heap" -> heap(Integer.parseInt(rest.get(0)));
      default -> throw new IllegalArgumentException(
          "usage: SpeedBenchmark cold|warm|stacks|trend|dpor|scaling|heap ... (see the class Javadoc)");
    }
  }

  static String header() {
    return String.format("java %s, %d cores, virtual-thread parallelism %s, max heap %d MB",
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"),
        Runtime.getRuntime().maxMemory() >> 20);
  }

  /** One search in a fresh JVM: class loading and JIT warm-up included (the search only, not JVM start). */
  static void cold(String file, List<String> overrides) {
    long t0 = System.nanoTime();
    Configs.Loaded c = Configs.load(file, overrides);
    Checker checker = c.checker(List.of());
    long t1 = System.nanoTime();
    Result r = checker.run();
    long t2 = System.nanoTime();
    Statistics s = r.statistics();
    double sec = (t2 - t1) / 1e9;
    System.out.printf("COLD\t%s\t%d\t%d\t%.0f\t%.0f\t%.0f\t%.1f%n", String.join(" ", overrides(file, overrides)),
        s.executions(), s.events(), s.executions() / sec, s.events() / sec, sec * 1e9 / s.events(),
        (t1 - t0) / 1e6);
  }

  static List<String> overrides(String file, List<String> o) {
    List<String> out = new ArrayList<>(List.of(file));
    for (String x : o) {
      out.add("+" + x);
    }
    return out;
  }

  // ---- real-model scenarios ----

  /** One real-model row, warm: a warm-up of >= 1 s, then {@code reps} repetitions of >= 1 s. */
  static void warm(int reps, String file, List<String> overrides) {
    Configs.Loaded c = Configs.load(file, overrides);
    Measure.rates(() -> c.checker(List.of()), 1, MIN_NANOS);
    Measure.Rates m = Measure.rates(() -> c.checker(List.of()), reps, MIN_NANOS);
    Statistics s = m.last();
    System.out.printf("| %s | %,d | %.0f | %,d | %,.0f | %,.0f | %,.0f | %s |%n", String.join(" ",
        overrides(file, overrides)), s.executions(), (double) s.events() / s.executions(), s.sleepBlocked(),
        m.execPerSec(), m.eventsPerSec(), m.nsPerEvent(), Measure.mb(Measure.retainedBytes()));
  }

  /**
   * The same search {@code searches} times in this JVM: the time of each and the heap retained
   * after it (after a full GC). Flat times and a flat heap mean no state outlives a search.
   */
  static void trend(int searches, String file, List<String> overrides) {
    Configs.Loaded c = Configs.load(file, overrides);
    StringBuilder ms = new StringBuilder();
    StringBuilder heap = new StringBuilder();
    for (int i = 1; i <= searches; i++) {
      long t0 = System.nanoTime();
      c.checker(List.of()).run();
      long t = System.nanoTime() - t0;
      if (i == 1 || i % Math.max(1, searches / 5) == 0) {
        ms.append(ms.length() == 0 ? "" : ", ").append(i).append(": ").append(String.format("%.0f", t / 1e6));
        heap.append(heap.length() == 0 ? "" : ", ").append(i).append(": ").append(Measure.mb(Measure.retainedBytes()));
      }
    }
    System.out.printf("| %s | %d | %s | %s |%n", String.join(" ", overrides(file, overrides)), searches, ms, heap);
  }

  // ---- 13.1: stacks walked on every acquisition (as before) vs built lazily ----

  /**
   * What {@code lock-order} and {@code documented-lock-order} did before issue 13.1: one
   * {@code ctx.modelStack} per acquisition each. Re-adding it as a listener measures its cost
   * side by side with the lazy stacks of the current properties.
   */
  static final class EagerStacks implements LockListener {
    private final int walks;
    private final int depth;
    long sink;

    EagerStacks(int walks, int depth) {
      this.walks = walks;
      this.depth = depth;
    }

    @Override
    public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
      for (int i = 0; i < walks; i++) {
        sink += ctx.modelStack(depth).size();
      }
    }
  }

  static int stackWalkingProperties(String properties) {
    int n = 0;
    for (String p : properties.split("[,\\s]+")) {
      if (p.equals("lock-order") || p.equals("documented-lock-order")) {
        n++;
      }
    }
    return n;
  }

  /**
   * One side of the issue 13.1 comparison for {@code file}: warm-up, then {@code reps}
   * repetitions of >= 1 s, with ({@code eager}) or without the pre-13.1 walks.
   */
  static void stacks(int reps, boolean eager, String file) {
    Configs.Loaded c = Configs.load(file, List.of());
    int walks = stackWalkingProperties(c.properties());
    java.util.function.Supplier<Checker> search = () -> c.checker(eager ? List.of(new EagerStacks(walks, 8)) : List.of());
    Measure.rates(search, 1, MIN_NANOS);
    Measure.Rates m = Measure.rates(search, reps, MIN_NANOS);
    System.out.printf("STACKS\t%s\t%s\t%d\t%.0f\t%.0f%n", file, eager ? "eager" : "lazy", walks, m.execPerSec(),
        m.nsPerEvent());
  }

  // ---- the classic DPOR programs ----

  record Program(String name, Scenario scenario, long traces) {}

  static void dpor(int reps) {
    Measure.rates(() -> Checker.of(DporBenchmarks.lastzero(6)), 1, MIN_NANOS); // warm-up
    List<Program> programs = List.of(
        new Program("readers(8)", DporBenchmarks.readers(8), 256),
        new Program("writers+reader(5)", DporBenchmarks.writersAndReader(5), 720),
        new Program("lastzero(4)", DporBenchmarks.lastzero(4), 28),
        new Program("lastzero(8)", DporBenchmarks.lastzero(8), -1),
        new Program("indexer(13)", DporBenchmarks.indexer(13), 64),
        new Program("indexer(14)", DporBenchmarks.indexer(14), 512),
        new Program("filesystem(16)", DporBenchmarks.filesystem(16), 8),
        new Program("filesystem(19)", DporBenchmarks.filesystem(19), 64));
    for (Program p : programs) {
      double[] msOpt = new double[reps];
      double[] msSrc = new double[reps];
      Statistics opt = null;
      Statistics src = null;
      for (int r = 0; r < reps; r++) {
        Measure.Rates o = Measure.rates(() -> Checker.of(p.scenario()), 1, MIN_NANOS / 4);
        Measure.Rates s = Measure.rates(() -> Checker.of(p.scenario())
            .options(SearchOptions.defaults().withStrategy(Strategy.SOURCE_DPOR)), 1, MIN_NANOS / 4);
        msOpt[r] = o.msPerSearch();
        msSrc[r] = s.msPerSearch();
        opt = o.last();
        src = s.last();
      }
      double mo = Measure.median(msOpt);
      double ms = Measure.median(msSrc);
      System.out.printf("| %s | %s | %,d | %,d | %.1f | %,d | %,d | %,d | %.1f | %.2f |%n", p.name(),
          p.traces() < 0 ? "-" : String.format("%,d", p.traces()), opt.executions(), opt.sleepBlocked(), mo,
          src.executions(), src.completed(), src.sleepBlocked(), ms, ms / mo);
    }
  }

  // ---- scaling: cost per event as executions get longer ----

  /**
   * {@code threads} threads, each doing {@code perThread - 1} private steps (a write to its own
   * cell, or lock/write/unlock of its own mutex) and then one write to a shared cell: threads!
   * executions (the orders of the shared writes) of threads * perThread events each, so the
   * race analysis sees long traces with few races.
   */
  static Scenario scaling(int threads, int perThread, boolean locks) {
    return w -> {
      dev.mmcheck.engine.Cell<Integer> shared = new dev.mmcheck.engine.Cell<>("shared", 0);
      for (int t = 0; t < threads; t++) {
        dev.mmcheck.engine.Cell<Integer> mine = new dev.mmcheck.engine.Cell<>("c" + t, 0);
        dev.mmcheck.engine.Mutex m = new dev.mmcheck.engine.Mutex("m" + t, "m" + t);
        int id = t;
        w.thread("t" + t, () -> {
          int steps = perThread - 1;
          if (locks) {
            for (int i = 0; i + 3 <= steps; i += 3) {
              m.lock();
              mine.set(i);
              m.unlock();
            }
            for (int i = steps - steps % 3; i < steps; i++) {
              mine.set(i);
            }
          } else {
            for (int i = 0; i < steps; i++) {
              mine.set(i);
            }
          }
          shared.set(id);
        });
      }
    };
  }

  static void scaling(int reps) {
    Measure.rates(() -> Checker.of(scaling(4, 800, true)), 1, MIN_NANOS); // warm-up
    for (boolean locks : new boolean[] {false, true}) {
      for (int threads : new int[] {2, 4}) {
        for (int events : new int[] {200, 800, 3200, 6400}) {
          Scenario s = scaling(threads, events / threads, locks);
          Measure.Rates m = Measure.rates(() -> Checker.of(s), reps, MIN_NANOS / 2);
          Statistics st = m.last();
          System.out.printf("| %s | %d | %,d | %,d | %,.0f | %,.0f | %,.0f |%n", locks ? "private lock+write" :
              "private writes", threads, st.events() / st.executions(), st.executions(), m.execPerSec(),
              m.eventsPerSec(), m.nsPerEvent());
        }
      }
    }
  }

  // ---- retained heap ----

  /** Samples the retained heap (after a full GC) inside the search, at given execution numbers. */
  static final class HeapProbe implements dev.mmcheck.engine.ExecutionListener {
    private final long[] at;
    final long[] retained;

    HeapProbe(long... at) {
      this.at = at;
      this.retained = new long[at.length];
    }

    @Override
    public void executionFinished(ExecutionContext ctx, dev.mmcheck.engine.ExecutionEnd end) {
      for (int i = 0; i < at.length; i++) {
        if (ctx.executionNumber() == at[i]) {
          retained[i] = Measure.retainedBytes();
        }
      }
    }
  }

  /** Searches whose retained heap is sampled at {@link #HEAP_AT} executions (all exhaustive). */
  static final List<String> HEAP_ROWS = List.of(
      "engine: shared cell 3 threads x 6 writes",
      "jpf-configs/kswapd-vs-munmap-1999-final.jpf",
      "jpf-configs/v26/pagecache-write-two-pages-2.6.24.jpf");
  static final long[] HEAP_AT = {1_000, 5_000, 10_000, 20_000};

  static void heap(int row) {
    HeapProbe probe = new HeapProbe(HEAP_AT);
    String name = HEAP_ROWS.get(row);
    Checker ch;
    if (row == 0) {
      Scenario s = w -> {
        dev.mmcheck.engine.Cell<Integer> x = new dev.mmcheck.engine.Cell<>("x", 0);
        for (int t = 0; t < 3; t++) {
          int v = t;
          w.thread("t" + t, () -> {
            for (int k = 0; k < 6; k++) {
              x.set(v);
            }
          });
        }
      };
      ch = Checker.of(s).with(probe);
    } else {
      ch = Configs.load(name, List.of()).checker(List.of(probe));
      name += " +search.strategy=exhaustive";
    }
    ch = ch.options(ch.options().withStrategy(Strategy.EXHAUSTIVE).withMaxExecutions(HEAP_AT[HEAP_AT.length - 1]));
    Result r = ch.run();
    StringBuilder sb = new StringBuilder("| " + name);
    for (long b : probe.retained) {
      sb.append(" | ").append(b == 0 ? "-" : Measure.mb(b));
    }
    String end = switch (r) {
      case Result.ModelError e -> "model error: " + SoakBenchmark.shorten(e.message(), 60);
      default -> r.getClass().getSimpleName();
    };
    System.out.println(sb.append(" | ").append(end).append(" |"));
  }
}
