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
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link RangeLock#downgradeWrite}: over the full range it explores exactly what
 * {@link RwSemaphore#downgradeWrite} does (executions and outcomes, DPOR and the unreduced
 * search), readers queued behind the downgraded writer proceed, and misuse is a model error.
 */
class RangeLockDowngradeTest {
  /**
   * plan[t] = {kind (0 reader, 1 writer, 2 writer that downgrades), cell}; the same program over
   * a full-range lock or an rwsem.
   */
  private static Scenario program(List<int[]> plan, boolean range) {
    return w -> {
      RangeLock rl = new RangeLock("mm.mmap_sem");
      RwSemaphore rw = new RwSemaphore("mm.mmap_sem");
      List<Cell<Integer>> cells = List.of(new Cell<>("x", 0), new Cell<>("y", 0));
      for (int t = 0; t < plan.size(); t++) {
        int[] p = plan.get(t);
        int id = t;
        Cell<Integer> c = cells.get(p[1]);
        w.thread("t" + t, () -> {
          if (p[0] == 0) {
            if (range) {
              rl.readLock(0, RangeLock.FULL_END);
            } else {
              rw.downRead();
            }
            c.get();
          } else {
            if (range) {
              rl.writeLock(0, RangeLock.FULL_END);
            } else {
              rw.downWrite();
            }
            c.set(id);
            if (p[0] == 2) {
              if (range) {
                rl.downgradeWrite(0, RangeLock.FULL_END);
              } else {
                rw.downgradeWrite();
              }
              c.get();
            }
          }
          boolean read = p[0] != 1;
          if (range) {
            if (read) {
              rl.readUnlock(0, RangeLock.FULL_END);
            } else {
              rl.writeUnlock(0, RangeLock.FULL_END);
            }
          } else if (read) {
            rw.upRead();
          } else {
            rw.upWrite();
          }
        });
      }
    };
  }

  @TestFactory
  List<DynamicTest> fullRangeDowngradeIsTheRwsemDowngrade() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = 1; seed <= 30; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> {
        Random r = new Random(s);
        int threads = 2 + r.nextInt(2);
        List<int[]> plan = new ArrayList<>();
        plan.add(new int[] {2, r.nextInt(2)});              // at least one downgrading writer
        for (int t = 1; t < threads; t++) {
          plan.add(new int[] {r.nextInt(3), r.nextInt(2)});
        }
        for (Strategy st : List.of(Strategy.DPOR, Strategy.EXHAUSTIVE)) {
          Outcomes2.Run a = Outcomes2.explore(program(plan, true), st, 100_000, List::of);
          Outcomes2.Run b = Outcomes2.explore(program(plan, false), st, 100_000, List::of);
          assertEquals(b.result().statistics().executions(), a.result().statistics().executions(), st.toString());
          assertEquals(b.outcomes(), a.outcomes(), st.toString());
        }
      }));
    }
    return tests;
  }

  /** A reader of an overlapping range waits for the writer and enters once it downgrades. */
  @Test
  void readerEntersAfterTheDowngradeBeforeTheUnlock() {
    Result r = Checker.of(w -> {
      RangeLock rl = new RangeLock("rl");
      Cell<Integer> phase = new Cell<>("phase", 0);
      w.thread("writer", () -> {
        rl.writeLock(0, 4);
        rl.downgradeWrite(0, 4);
        phase.awaitUntil(v -> v == 1);                      // deadlocks unless the reader gets in
        rl.readUnlock(0, 4);
      });
      w.thread("reader", () -> {
        rl.readLock(2, 6);
        phase.set(1);
        rl.readUnlock(2, 6);
      });
    }).with(new dev.mmcheck.engine.props.DeadlockFreedom()).run();
    assertInstanceOf(Result.Verified.class, r, r::toString);
  }

  @Test
  void downgradeOfARangeNotHeldForWriteIsAModelError() {
    Result r = Checker.of(w -> {
      RangeLock rl = new RangeLock("rl");
      w.thread("t", () -> {
        rl.readLock(0, 4);
        rl.downgradeWrite(0, 4);
      });
    }).run();
    String m = assertInstanceOf(Result.ModelError.class, r, r::toString).message();
    assertTrue(m.contains("range_downgrade_write(rl, [0, 4)) by t, which does not hold that range for write (it holds [0, 4)(r))"), m);
  }
}
