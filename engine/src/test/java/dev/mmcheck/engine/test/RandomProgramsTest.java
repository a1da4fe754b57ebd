package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SpinLock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the reduction: random small programs (fixed seeds) over cells,
 * mutexes, spinlocks, rwsems and a counting semaphore, nested at most two deep, explored with
 * and without DPOR. DPOR must reach exactly the same Mazurkiewicz traces (including
 * deadlocks) and run each once.
 */
class RandomProgramsTest {
  private static final int PROGRAMS = 80;

  /** One step of a thread: a cell access, or a critical section around more steps. */
  private sealed interface Step permits Access, Section {}

  private record Access(int cell, boolean write) implements Step {}

  private record Section(int lock, int mode, List<Step> body) implements Step {}

  private static List<Step> steps(Random r, int depth, int max) {
    List<Step> out = new ArrayList<>();
    int n = 1 + r.nextInt(max);
    for (int i = 0; i < n; i++) {
      if (depth < 2 && r.nextInt(2) == 0) {
        out.add(new Section(r.nextInt(5), r.nextInt(3), steps(r, depth + 1, 2)));
      } else {
        out.add(new Access(r.nextInt(2), r.nextBoolean()));
      }
    }
    return out;
  }

  private static Scenario program(long seed) {
    Random r = new Random(seed);
    int threads = 2 + r.nextInt(2);
    List<List<Step>> bodies = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      bodies.add(steps(r, 0, threads == 2 ? 3 : 2));
    }
    return w -> {
      List<Cell<Integer>> cells = List.of(new Cell<>("x", 0), new Cell<>("y", 0));
      Mutex m = new Mutex("m");
      SpinLock sl = new SpinLock("sl");
      RwSemaphore rw = new RwSemaphore("rw");
      Semaphore sem = new Semaphore("sem", 2);
      Mutex m2 = new Mutex("m2");
      for (int t = 0; t < bodies.size(); t++) {
        List<Step> body = bodies.get(t);
        int id = t;
        w.thread("t" + t, () -> run(body, id, cells, m, sl, rw, sem, m2));
      }
    };
  }

  private static void run(List<Step> body, int id, List<Cell<Integer>> cells, Mutex m, SpinLock sl, RwSemaphore rw,
      Semaphore sem, Mutex m2) {
    for (Step s : body) {
      switch (s) {
        case Access a -> {
          if (a.write()) {
            cells.get(a.cell()).set(id);
          } else {
            cells.get(a.cell()).get();
          }
        }
        case Section sec -> {
          switch (sec.lock()) {
            case 0 -> m.lock();
            case 1 -> sl.lock();
            case 2 -> {
              if (sec.mode() == 0) {
                rw.downWrite();
              } else {
                rw.downRead();
              }
            }
            case 3 -> sem.down();
            default -> {
              if (sec.mode() == 2 && !m2.trylock()) {
                continue;
              } else if (sec.mode() != 2) {
                m2.lock();
              }
            }
          }
          run(sec.body(), id, cells, m, sl, rw, sem, m2);
          switch (sec.lock()) {
            case 0 -> m.unlock();
            case 1 -> sl.unlock();
            case 2 -> {
              if (sec.mode() == 0) {
                rw.upWrite();
              } else {
                rw.upRead();
              }
            }
            case 3 -> sem.up();
            default -> m2.unlock();
          }
        }
      }
    }
  }

  @TestFactory
  List<DynamicTest> dporMatchesExhaustiveExploration() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= PROGRAMS; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> {
        Scenario p = program(s);
        TraceClasses all = TraceClasses.explore(p, Strategy.EXHAUSTIVE);
        TraceClasses dpor = TraceClasses.explore(p, Strategy.DPOR);
        System.out.println("seed " + s + ": " + all.classes.size() + " traces, " + all.maximal + " interleavings");
        Set<String> missed = new TreeSet<>(all.classes.keySet());
        missed.removeAll(dpor.classes.keySet());
        assertEquals(0, missed.size(), () -> "seed " + s + ": DPOR missed " + missed.size() + " of "
            + all.classes.size() + ", e.g. " + missed.iterator().next());
        assertEquals(all.classes.size(), dpor.maximal, "each trace once");
      }));
    }
    return tests;
  }
}
