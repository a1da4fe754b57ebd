package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link RangeLock}: exact trace counts, equivalence with an rwsem over the full range, errors. */
class RangeLockTest {
  /** Two threads, each locking one range and writing a cell under it. */
  private static Scenario two(long s1, long e1, boolean w1, long s2, long e2, boolean w2) {
    return w -> {
      RangeLock rl = new RangeLock("mm.range");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("a", () -> section(rl, s1, e1, w1, x));
      w.thread("b", () -> section(rl, s2, e2, w2, x));
    };
  }

  private static void section(RangeLock rl, long s, long e, boolean w, Cell<Integer> x) {
    if (w) {
      rl.writeLock(s, e);
      rl.writeUnlock(s, e);
    } else {
      rl.readLock(s, e);
      rl.readUnlock(s, e);
    }
  }

  private static long executions(Scenario s) {
    Result r = Checker.of(s).with(new DeadlockFreedom()).run();
    assertInstanceOf(Result.Verified.class, r, r::toString);
    assertEquals(0, r.statistics().sleepBlocked());
    return r.statistics().executions();
  }

  @ParameterizedTest(name = "[{0},{1}){2} and [{3},{4}){5}: {6}")
  @CsvSource({
      "0, 5, true, 5, 10, true, 1",   // disjoint writers commute
      "0, 5, true, 3, 8, true, 2",    // overlapping writers: either first
      "0, 5, false, 3, 8, false, 1",  // overlapping readers commute
      "0, 5, false, 3, 8, true, 2",   // a reader and an overlapping writer
      "0, 3, true, 3, 8, false, 1"})  // touching is not overlapping
  void twoRangesGiveTheirTraceCount(long s1, long e1, boolean w1, long s2, long e2, boolean w2, long traces) {
    assertEquals(traces, executions(two(s1, e1, w1, s2, e2, w2)));
  }

  @Test
  void twoReadersAndAnOverlappingWriterGiveWhatTheRwsemGives() {
    // readers r1 [0,5) and r2 [2,6), writer [4,8) overlapping both: the rwsem count (4)
    Scenario range = w -> {
      RangeLock rl = new RangeLock("mm.range");
      w.thread("r1", () -> section(rl, 0, 5, false, null));
      w.thread("r2", () -> section(rl, 2, 6, false, null));
      w.thread("w", () -> section(rl, 4, 8, true, null));
    };
    Scenario rwsem = w -> {
      RwSemaphore rw = new RwSemaphore("mm.mmap_sem");
      w.thread("r1", () -> {
        rw.downRead();
        rw.upRead();
      });
      w.thread("r2", () -> {
        rw.downRead();
        rw.upRead();
      });
      w.thread("w", () -> {
        rw.downWrite();
        rw.upWrite();
      });
    };
    assertEquals(executions(rwsem), executions(range));
    assertEquals(4, executions(range));
    // the writer overlapping only r2: r1 commutes with it
    assertEquals(2, executions(w -> {
      RangeLock rl = new RangeLock("mm.range");
      w.thread("r1", () -> section(rl, 0, 2, false, null));
      w.thread("r2", () -> section(rl, 2, 6, false, null));
      w.thread("w", () -> section(rl, 4, 8, true, null));
    }));
  }

  /** Random programs: the full-range lock explores exactly what the rwsem does (Dufour's step 1). */
  @TestFactory
  List<DynamicTest> fullRangeLockIsTheRwsem() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> {
        Random r = new Random(s);
        int threads = 2 + r.nextInt(2);
        List<int[]> plan = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          plan.add(new int[] {r.nextInt(2), r.nextInt(2), r.nextInt(2)});
        }
        Outcomes2.Run a = Outcomes2.explore(program(plan, true), Strategy.DPOR, 100_000, List::of);
        Outcomes2.Run b = Outcomes2.explore(program(plan, false), Strategy.DPOR, 100_000, List::of);
        assertEquals(b.result().statistics().executions(), a.result().statistics().executions());
        assertEquals(b.outcomes(), a.outcomes());
      }));
    }
    return tests;
  }

  /** plan[t] = {write?, cell, second section?}; the same program over a full-range lock or an rwsem. */
  private static Scenario program(List<int[]> plan, boolean range) {
    return w -> {
      RangeLock rl = new RangeLock("mm.mmap_sem");
      RwSemaphore rw = new RwSemaphore("mm.mmap_sem");
      List<Cell<Integer>> cells = List.of(new Cell<>("x", 0), new Cell<>("y", 0));
      for (int t = 0; t < plan.size(); t++) {
        int[] p = plan.get(t);
        int id = t;
        w.thread("t" + t, () -> {
          for (int k = 0; k <= p[2]; k++) {
            boolean write = p[0] == 1;
            if (range) {
              if (write) {
                rl.writeLock(0, RangeLock.FULL_END);
              } else {
                rl.readLock(0, RangeLock.FULL_END);
              }
            } else if (write) {
              rw.downWrite();
            } else {
              rw.downRead();
            }
            if (write) {
              cells.get(p[1]).set(id);
            } else {
              cells.get(p[1]).get();
            }
            if (range) {
              if (write) {
                rl.writeUnlock(0, RangeLock.FULL_END);
              } else {
                rl.readUnlock(0, RangeLock.FULL_END);
              }
            } else if (write) {
              rw.upWrite();
            } else {
              rw.upRead();
            }
          }
        });
      }
    };
  }

  /** Random programs over ranges: DPOR against the unreduced search, on outcomes. */
  @TestFactory
  List<DynamicTest> dporMatchesTheUnreducedSearchOnRanges() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= 40; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> {
        Random r = new Random(s);
        int threads = 2 + r.nextInt(2);
        List<long[]> plan = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          long a = r.nextInt(6);
          plan.add(new long[] {a, a + 1 + r.nextInt(4), r.nextInt(2), r.nextInt(2), r.nextInt(3)});
        }
        Scenario p = w -> {
          RangeLock rl = new RangeLock("rl");
          List<Cell<Integer>> cells = List.of(new Cell<>("x", 0), new Cell<>("y", 0));
          for (int t = 0; t < plan.size(); t++) {
            long[] q = plan.get(t);
            int id = t;
            w.thread("t" + t, () -> {
              boolean write = q[2] == 1;
              if (q[4] == 2) {
                if (!(write ? rl.writeTrylock(q[0], q[1]) : rl.readTrylock(q[0], q[1]))) {
                  return;
                }
              } else if (write) {
                rl.writeLock(q[0], q[1]);
              } else {
                rl.readLock(q[0], q[1]);
              }
              if (write) {
                cells.get((int) q[3]).set(id);
              } else {
                cells.get((int) q[3]).get();
              }
              if (write) {
                rl.writeUnlock(q[0], q[1]);
              } else {
                rl.readUnlock(q[0], q[1]);
              }
            });
          }
        };
        SoundnessRegressionTest.agree(p);
      }));
    }
    return tests;
  }

  @Test
  void rangesTakenInOppositeOrdersDeadlockAndLockdepSeesOneClass() {
    Scenario s = w -> {
      RangeLock rl = new RangeLock("mm.range");
      w.thread("a", () -> {
        rl.writeLock(0, 5);
        rl.writeLock(5, 10);
        rl.writeUnlock(5, 10);
        rl.writeUnlock(0, 5);
      });
      w.thread("b", () -> {
        rl.writeLock(5, 10);
        rl.writeLock(0, 5);
        rl.writeUnlock(0, 5);
        rl.writeUnlock(5, 10);
      });
    };
    Outcomes.violation(Checker.of(s).with(new DeadlockFreedom()).run(), "deadlock");
    assertTrue(Outcomes.violation(Checker.of(s).with(new LockOrder()).run(), "lock-order").violation().message()
        .startsWith("possible recursive locking"));
  }

  private static String modelError(Scenario s) {
    Result r = Checker.of(s).run();
    return assertInstanceOf(Result.ModelError.class, r, r::toString).message();
  }

  @Test
  void badUseIsAModelErrorNamingTheThreadAndTheRange() {
    assertTrue(modelError(w -> {
      RangeLock rl = new RangeLock("rl");
      w.thread("t", () -> rl.writeLock(5, 5));
    }).contains("range_write_lock(rl, [5, 5)) by t: empty range"));
    assertTrue(modelError(w -> {
      RangeLock rl = new RangeLock("rl");
      w.thread("t", () -> {
        rl.readLock(0, 4);
        rl.readUnlock(0, 3);
      });
    }).contains("range_read_unlock(rl, [0, 3)) by t, which does not hold that range for read (it holds [0, 4)(r))"));
  }

  /** Recursive range locking is the kernel's: a nested read proceeds alone... */
  @Test
  void aNestedReadProceedsWhenNoWriterIsQueued() {
    Scenario s = w -> {
      RangeLock rl = new RangeLock("rl");
      w.thread("t", () -> {
        rl.readLock(0, 4);
        rl.readLock(2, 6);
        rl.readUnlock(2, 6);
        rl.readUnlock(0, 4);
      });
    };
    assertInstanceOf(Result.Verified.class, Checker.of(s).with(new DeadlockFreedom()).run());
  }

  /** ...deadlocks against a writer queued between the two reads, as a recursive down_read does... */
  @Test
  void aNestedReadDeadlocksAgainstAQueuedWriterLikeTheRwsem() {
    for (long end : new long[] {6, RangeLock.FULL_END}) {
      Scenario s = w -> {
        RangeLock rl = new RangeLock("rl");
        w.thread("reader", () -> {
          rl.readLock(0, end);
          rl.readLock(0, end);
          rl.readUnlock(0, end);
          rl.readUnlock(0, end);
        });
        w.thread("writer", () -> {
          rl.writeLock(2, end);
          rl.writeUnlock(2, end);
        });
      };
      Outcomes.violation(Checker.of(s).with(new DeadlockFreedom()).run(), "deadlock");
      Outcomes.violation(Checker.of(s).with(new DeadlockFreedom())
          .options(dev.mmcheck.engine.SearchOptions.defaults().withStrategy(Strategy.EXHAUSTIVE)).run(), "deadlock");
    }
  }

  /** ...and a write overlapping a range the thread holds waits for itself. */
  @Test
  void aWriteInsideAHeldRangeSelfDeadlocks() {
    Scenario s = w -> {
      RangeLock rl = new RangeLock("rl");
      w.thread("t", () -> {
        rl.readLock(0, 4);
        rl.writeLock(2, 6);
      });
    };
    Outcomes.violation(Checker.of(s).with(new DeadlockFreedom()).run(), "deadlock");
  }
}
