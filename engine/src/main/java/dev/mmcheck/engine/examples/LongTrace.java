package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.World;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fixture for reports at scale (the browser test and {@code bench/report.sh}), not a bug
 * model: a counterexample of {@code 3 * (work + 2) + 2} events. Three threads
 * take {@code mm.mmap_sem} for read, then do private work (lock, write, read, unlock their own
 * mutex and cell) interleaved in blocks of 1 to 40 events; at the end munmap frees vma1 and
 * fault uses it. The interleaving is a hand-made {@link Schedule} replayed with
 * {@link Checker#replay}, so its size does not depend on the search.
 */
public final class LongTrace implements Scenario {
  /** The threads, in id order. */
  public static final String[] THREADS = {"fault", "munmap", "kswapd"};
  private final int work;

  /** @param work private operations per thread, a multiple of 4 */
  public LongTrace(int work) {
    if (work % 4 != 0 || work < 0) {
      throw new IllegalArgumentException("work must be a non-negative multiple of 4: " + work);
    }
    this.work = work;
  }

  @Override
  public void setup(World w) {
    RwSemaphore sem = new RwSemaphore("mm.mmap_sem");
    Region vma = new Region("vma1");
    for (String name : THREADS) {
      Mutex m = new Mutex(name + ".lock");
      Cell<Integer> x = new Cell<>(name + ".x", 0);
      w.thread(name, () -> {
        sem.downRead();
        for (int i = 0; i < work; i++) {
          switch (i % 4) {
            case 0 -> m.lock();
            case 1 -> x.set(i);
            case 2 -> x.get();
            default -> m.unlock();
          }
        }
        if (name.equals("munmap")) {
          vma.free();
        } else if (name.equals("fault")) {
          vma.start.get();
        }
      });
    }
  }

  /** The schedule: blocks of pseudo-random length (fixed seed), then the free, then the use. */
  public Schedule schedule() {
    List<List<Schedule.Step>> per = new ArrayList<>();
    for (int t = 0; t < THREADS.length; t++) {
      String n = THREADS[t];
      List<Schedule.Step> s = new ArrayList<>();
      s.add(new Schedule.Step(t, n, -1, "down_read", "mm.mmap_sem"));
      s.add(new Schedule.Step(t, n, -1, "down_read(acquired)", "mm.mmap_sem"));
      for (int i = 0; i < work; i++) {
        String[] op = switch (i % 4) {
          case 0 -> new String[] {"mutex_lock", n + ".lock"};
          case 1 -> new String[] {"write", n + ".x"};
          case 2 -> new String[] {"read", n + ".x"};
          default -> new String[] {"mutex_unlock", n + ".lock"};
        };
        s.add(new Schedule.Step(t, n, -1, op[0], op[1]));
      }
      per.add(s);
    }
    List<Schedule.Step> steps = new ArrayList<>();
    int[] next = new int[THREADS.length];
    long seed = 42;
    int t = 0;
    while (next[0] < per.get(0).size() || next[1] < per.get(1).size() || next[2] < per.get(2).size()) {
      seed = seed * 6364136223846793005L + 1442695040888963407L;
      int len = 1 + (int) ((seed >>> 33) % 40);
      for (int k = 0; k < len && next[t] < per.get(t).size(); k++) {
        steps.add(per.get(t).get(next[t]++));
      }
      t = (t + 1 + (int) ((seed >>> 40) % 2)) % THREADS.length;
    }
    steps.add(new Schedule.Step(1, "munmap", -1, "free", "vma1"));
    steps.add(new Schedule.Step(0, "fault", -1, "read", "vma1.start"));
    return new Schedule("LongTrace", Map.of(), steps);
  }

  /** The replayed result: a use-after-free counterexample of {@code 3 * (work + 2) + 2} events. */
  public Result result() {
    return Checker.of(this).with(new UseAfterFree()).replay(schedule());
  }
}
