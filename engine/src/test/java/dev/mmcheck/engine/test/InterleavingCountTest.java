package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.SpinLock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Exact numbers of explored executions under DPOR, on programs whose number of Mazurkiewicz
 * traces is known: derived by hand for the first ones, by brute force (every interleaving,
 * classified by {@link TraceClasses}) for the rest.
 */
class InterleavingCountTest {
  private static long dporExecutions(Scenario s) {
    Result r = Checker.of(s).run();
    assertInstanceOf(Result.Verified.class, r);
    System.out.println(r.statistics());
    return r.statistics().executions();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8})
  void privateCellsGiveOneExecution(int n) {
    assertEquals(1, dporExecutions(w -> {
      for (int i = 0; i < n; i++) {
        Cell<Integer> c = new Cell<>("x" + i, 0);
        w.thread("t" + i, () -> {
          c.set(1);
          c.set(c.get() + 1);
        });
      }
    }));
  }

  @Test
  void twoWritersOfOneCellGiveTwo() {
    assertEquals(2, dporExecutions(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("a", () -> x.set(1));
      w.thread("b", () -> x.set(2));
    }));
  }

  @Test
  void twoReadersOfOneRwsemGiveOne() {
    assertEquals(1, dporExecutions(w -> {
      RwSemaphore s = new RwSemaphore("mm.mmap_sem");
      for (String n : List.of("r1", "r2")) {
        w.thread(n, () -> {
          s.downRead();
          s.upRead();
        });
      }
    }));
  }

  @Test
  void readerAndWriterGiveTwo() {
    assertEquals(2, dporExecutions(w -> {
      RwSemaphore s = new RwSemaphore("mm.mmap_sem");
      w.thread("r", () -> {
        s.downRead();
        s.upRead();
      });
      w.thread("w", () -> {
        s.downWrite();
        s.upWrite();
      });
    }));
  }

  @Test
  void threeWritersOfOneCellGiveSix() {
    assertEquals(6, dporExecutions(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 3; i++) {
        int v = i;
        w.thread("t" + i, () -> x.set(v));
      }
    }));
  }

  @Test
  void twoReadersOneWriterOfACellGiveThree() {
    // Each reader is before or after the write, independently: 2 * 2 = 4 orders of the
    // reads relative to the write; readers commute with each other -> 4 traces.
    assertEquals(4, dporExecutions(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("w", () -> x.set(1));
      w.thread("r1", () -> x.get());
      w.thread("r2", () -> x.get());
    }));
  }

  @Test
  void mutexCriticalSectionsGiveTwo() {
    assertEquals(2, dporExecutions(w -> {
      Mutex m = new Mutex("m");
      Cell<Integer> x = new Cell<>("x", 0);
      for (String n : List.of("a", "b")) {
        w.thread(n, () -> {
          m.lock();
          x.set(x.get() + 1);
          m.unlock();
        });
      }
    }));
  }

  /** Programs whose trace count is established by brute force. */
  static List<Scenario> programs() {
    List<Scenario> ps = new ArrayList<>();
    // 0: message passing chain x -> y
    ps.add(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("t1", () -> x.set(1));
      w.thread("t2", () -> y.set(x.get()));
      w.thread("t3", () -> y.get());
    });
    // 1: three lock-protected increments plus an unprotected reader
    ps.add(w -> {
      SpinLock l = new SpinLock("l");
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 2; i++) {
        w.thread("inc" + i, () -> {
          l.lock();
          x.set(x.get() + 1);
          l.unlock();
        });
      }
      w.thread("peek", () -> x.get());
    });
    // 2: rwsem with two readers and a writer, each touching a cell under the lock
    ps.add(w -> {
      RwSemaphore s = new RwSemaphore("s");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("r1", () -> {
        s.downRead();
        x.get();
        s.upRead();
      });
      w.thread("r2", () -> {
        s.downRead();
        x.get();
        s.upRead();
      });
      w.thread("w", () -> {
        s.downWrite();
        x.set(1);
        s.upWrite();
      });
    });
    // 3: nondeterministic choice selecting which cell to write
    ps.add(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("chooser", () -> {
        if (Sched.chooseBoolean()) {
          x.set(1);
        } else {
          y.set(1);
        }
      });
      w.thread("rx", () -> x.get());
      w.thread("ry", () -> y.get());
    });
    // 4: semaphore used as a signal, plus a racing write
    ps.add(w -> {
      Semaphore sig = new Semaphore("sig", 0);
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("producer", () -> {
        x.set(1);
        sig.up();
      });
      w.thread("consumer", () -> {
        sig.down();
        x.get();
      });
      w.thread("other", () -> x.set(2));
    });
    // 5: seqcount reader retrying against a writer
    ps.add(w -> {
      SeqCount sc = new SeqCount("seq");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("writer", () -> {
        sc.writeBegin();
        x.set(1);
        sc.writeEnd();
      });
      w.thread("reader", () -> {
        int s;
        do {
          s = sc.readBegin();
          x.get();
        } while (sc.readRetry(s));
      });
    });
    // 6: ABBA with a deadlock among the maximal executions
    ps.add(w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t1", () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
      w.thread("t2", () -> {
        b.lock();
        a.lock();
        a.unlock();
        b.unlock();
      });
    });
    // 7: completion with two waiters and one complete_all
    ps.add(w -> {
      Completion c = new Completion("done");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("w1", () -> {
        c.waitForCompletion();
        x.get();
      });
      w.thread("w2", () -> {
        c.waitForCompletion();
        x.set(2);
      });
      w.thread("signaller", () -> {
        x.set(1);
        c.completeAll();
      });
    });
    // 8: rwsem trylocks and downgrade against a reader
    ps.add(w -> {
      RwSemaphore s = new RwSemaphore("s");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("writer", () -> {
        s.downWrite();
        x.set(1);
        s.downgradeWrite();
        x.get();
        s.upRead();
      });
      w.thread("tryreader", () -> {
        if (s.downReadTrylock()) {
          x.get();
          s.upRead();
        }
      });
      w.thread("trywriter", () -> {
        if (s.downWriteTrylock()) {
          x.set(2);
          s.upWrite();
        }
      });
    });
    // 9: RCU reader against synchronize_rcu and a plain writer
    ps.add(w -> {
      dev.mmcheck.engine.Rcu rcu = new dev.mmcheck.engine.Rcu("rcu");
      Cell<Integer> p = new Cell<>("p", 1);
      w.thread("reader", () -> {
        rcu.readLock();
        p.get();
        rcu.readUnlock();
        p.get();
      });
      w.thread("updater", () -> {
        p.set(2);
        rcu.synchronize();
        p.set(3);
      });
    });
    // 10: counting semaphore of 2 shared by three threads, plus a bit lock
    ps.add(w -> {
      Semaphore slots = new Semaphore("slots", 2);
      dev.mmcheck.engine.BitLock page = new dev.mmcheck.engine.BitLock("page.PG_locked");
      Cell<Integer> x = new Cell<>("x", 0);
      for (int i = 0; i < 3; i++) {
        int v = i;
        w.thread("t" + i, () -> {
          slots.down();
          if (page.trylock()) {
            x.set(v);
            page.unlock();
          }
          slots.up();
        });
      }
    });
    // 11: a thread spawned mid-run racing with its parent's later write
    ps.add(w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("parent", () -> {
        x.set(1);
        Sched.spawn("child", () -> x.set(x.get() + 10));
        x.set(2);
      });
      w.thread("other", () -> x.get());
    });
    return ps;
  }

  @TestFactory
  List<DynamicTest> dporExploresEachTraceExactlyOnce() {
    List<DynamicTest> tests = new ArrayList<>();
    List<Scenario> ps = programs();
    for (int i = 0; i < ps.size(); i++) {
      Scenario s = ps.get(i);
      tests.add(DynamicTest.dynamicTest("program " + i, () -> {
        TraceClasses all = TraceClasses.explore(s, Strategy.EXHAUSTIVE);
        TraceClasses dpor = TraceClasses.explore(s, Strategy.DPOR);
        java.util.Set<String> missed = new java.util.TreeSet<>(all.classes.keySet());
        missed.removeAll(dpor.classes.keySet());
        assertEquals(0, missed.size(), "DPOR missed " + missed.size() + " of " + all.classes.size()
            + " traces, e.g. " + missed.stream().findFirst().orElse(""));
        assertEquals(all.classes.keySet(), dpor.classes.keySet());
        assertEquals(all.classes.size(), dpor.maximal, "DPOR must run each trace once");
      }));
    }
    return tests;
  }
}
