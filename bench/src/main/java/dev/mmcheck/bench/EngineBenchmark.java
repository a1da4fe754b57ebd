package dev.mmcheck.bench;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.Statistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine benchmark: parameterised programs explored to the end (or to an execution
 * bound), each run several times; prints the median of executions/s, events/s and ns per
 * scheduling point, and the peak heap, next to the cost of a bare virtual-thread hand-off
 * measured the same way. Usage: {@code ./bench/run.sh [repetitions]}.
 */
public final class EngineBenchmark {
  private EngineBenchmark() {}

  /** n threads, each doing k writes: to its own cell (private) or to one shared cell. */
  static Scenario cells(int n, int k, boolean shared) {
    return w -> {
      Cell<Integer> common = new Cell<>("shared", 0);
      for (int i = 0; i < n; i++) {
        Cell<Integer> mine = shared ? common : new Cell<>("c" + i, 0);
        int id = i;
        w.thread("t" + i, () -> {
          for (int j = 0; j < k; j++) {
            mine.set(id);
          }
        });
      }
    };
  }

  /** Two threads, each ten steps on a lock-protected shared cell: the "2 x 10" target program. */
  static Scenario twoByTen() {
    return w -> {
      Mutex m = new Mutex("m");
      Cell<Integer> x = new Cell<>("x", 0);
      for (String name : List.of("a", "b")) {
        w.thread(name, () -> {
          for (int j = 0; j < 2; j++) {
            m.lock();
            x.set(x.get() + 1);
            m.unlock();
          }
          x.get();
          x.get();
        });
      }
    };
  }

  static Scenario philosophers(int n) {
    return w -> {
      Mutex[] forks = new Mutex[n];
      for (int i = 0; i < n; i++) {
        forks[i] = new Mutex("fork" + i, "fork" + i);
      }
      for (int i = 0; i < n; i++) {
        Mutex first = i == n - 1 ? forks[0] : forks[i];
        Mutex second = i == n - 1 ? forks[i] : forks[i + 1];
        w.thread("phil" + i, () -> {
          first.lock();
          second.lock();
          second.unlock();
          first.unlock();
        });
      }
    };
  }

  static Scenario readersWriters(int readers, int writers) {
    return w -> {
      RwSemaphore sem = new RwSemaphore("mm.mmap_sem");
      Cell<Integer> data = new Cell<>("data", 0);
      for (int i = 0; i < readers; i++) {
        w.thread("r" + i, () -> {
          sem.downRead();
          data.get();
          sem.upRead();
        });
      }
      for (int i = 0; i < writers; i++) {
        int v = i;
        w.thread("w" + i, () -> {
          sem.downWrite();
          data.set(v);
          sem.upWrite();
        });
      }
    };
  }

  record Row(String name, long executions, double execPerSec, double eventsPerSec, double nsPerEvent, long heapMb) {}

  /**
   * Runs the search repeatedly for at least {@code minMillis} per repetition (small programs
   * finish in microseconds) and returns the medians over repetitions.
   */
  static Row measure(String name, Scenario s, long maxExecutions, int reps) {
    double[] eps = new double[reps];
    double[] evps = new double[reps];
    long execs = 0;
    long heap = 0;
    for (int r = 0; r < reps; r++) {
      long totalExec = 0;
      long totalEvents = 0;
      long start = System.nanoTime();
      long elapsed;
      do {
        Result res = Checker.of(s).options(SearchOptions.defaults().withMaxExecutions(maxExecutions)).run();
        if (res instanceof Result.ModelError e) {
          throw new IllegalStateException(name + ": " + e.message());
        }
        Statistics st = res.statistics();
        execs = st.executions();
        totalExec += st.executions();
        totalEvents += st.events();
        heap = Math.max(heap, st.peakHeapBytes());
        elapsed = System.nanoTime() - start;
      } while (elapsed < MIN_NANOS);
      eps[r] = totalExec * 1e9 / elapsed;
      evps[r] = totalEvents * 1e9 / elapsed;
    }
    double medEvents = median(evps);
    return new Row(name, execs, median(eps), medEvents, 1e9 / medEvents, heap >> 20);
  }

  static final long MIN_NANOS = 1_000_000_000L;

  static double median(double[] xs) {
    double[] c = xs.clone();
    Arrays.sort(c);
    return c.length % 2 == 1 ? c[c.length / 2] : (c[c.length / 2 - 1] + c[c.length / 2]) / 2;
  }

  /** Median ns of one park/unpark hand-off between two virtual threads (the floor for a switch). */
  static double handoffNanos(int reps) throws InterruptedException {
    double[] ns = new double[reps];
    for (int r = 0; r < reps; r++) {
      int rounds = 200_000;
      Thread[] ts = new Thread[2];
      boolean[][] turn = {{true}, {false}};
      Object lock = new Object();
      Runnable[] bodies = new Runnable[2];
      final long[] t0 = new long[1];
      var flags = new java.util.concurrent.atomic.AtomicIntegerArray(2);
      flags.set(0, 1);
      for (int i = 0; i < 2; i++) {
        int me = i;
        bodies[i] = () -> {
          for (int k = 0; k < rounds; k++) {
            while (flags.get(me) == 0) {
              LockSupport.park();
            }
            flags.set(me, 0);
            flags.set(1 - me, 1);
            LockSupport.unpark(ts[1 - me]);
          }
        };
      }
      ts[0] = Thread.ofVirtual().unstarted(bodies[0]);
      ts[1] = Thread.ofVirtual().unstarted(bodies[1]);
      long start = System.nanoTime();
      ts[0].start();
      ts[1].start();
      ts[0].join();
      ts[1].join();
      ns[r] = (System.nanoTime() - start) / (2.0 * rounds);
    }
    return median(ns);
  }

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    System.out.printf("mmcheck engine benchmark: java %s, %d cores, virtual-thread parallelism %s, %d repetitions (medians)%n",
        Runtime.version(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("jdk.virtualThreadScheduler.parallelism", "default"), reps);
    // warm-up
    measure("warm-up", twoByTen(), 20_000, 2);
    Map<String, Object[]> programs = new LinkedHashMap<>();
    programs.put("2 threads x 10 events (mutex + cell)", new Object[] {twoByTen(), 0L});
    programs.put("private cells 4 threads x 50 writes", new Object[] {cells(4, 50, false), 0L});
    programs.put("shared cell 2 threads x 6 writes", new Object[] {cells(2, 6, true), 0L});
    programs.put("shared cell 3 threads x 3 writes", new Object[] {cells(3, 3, true), 0L});
    programs.put("shared cell 3 threads x 5 writes (100k cap)", new Object[] {cells(3, 5, true), 100_000L});
    programs.put("philosophers 5 (ordered)", new Object[] {philosophers(5), 0L});
    programs.put("philosophers 7 (ordered, 100k cap)", new Object[] {philosophers(7), 100_000L});
    programs.put("readers/writers 3R 2W", new Object[] {readersWriters(3, 2), 0L});
    List<Row> rows = new ArrayList<>();
    for (Map.Entry<String, Object[]> e : programs.entrySet()) {
      rows.add(measure(e.getKey(), (Scenario) e.getValue()[0], (Long) e.getValue()[1], reps));
    }
    System.out.printf("%-44s %12s %12s %14s %10s %9s%n", "program", "executions", "exec/s", "events/s", "ns/event",
        "heap MB");
    for (Row r : rows) {
      System.out.printf("%-44s %12d %12.0f %14.0f %10.0f %9d%n", r.name, r.executions, r.execPerSec, r.eventsPerSec,
          r.nsPerEvent, r.heapMb);
    }
    System.out.printf("bare virtual-thread hand-off (park/unpark ping-pong): %.0f ns%n", handoffNanos(reps));
    // Heap flatness: the same program with growing execution counts.
    System.out.println("heap vs executions (shared cell 3 threads x 6 writes, capped):");
    for (long cap : new long[] {10_000, 40_000, 160_000}) {
      System.gc();
      Row r = measure("cap " + cap, cells(3, 6, true), cap, 1);
      System.out.printf("  %8d executions: peak heap %d MB, %.0f exec/s%n", r.executions, r.heapMb, r.execPerSec);
    }
  }
}
