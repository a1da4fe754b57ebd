package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.BitLock;
import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions.Strategy;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.LockHeldAtExit;
import dev.mmcheck.engine.props.SleepInAtomic;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Differential test of the reductions against the unreduced search on random programs over
 * every primitive, compared on what each execution observed (not on trace counts, which
 * depend on the dependency relation): the set of outcomes, the set of violations (in
 * multiple-errors mode) and the set of lock-order edges must be the same for optimal DPOR,
 * source-DPOR and exhaustive exploration.
 *
 * <p>The shapes that found the soundness bugs of issue 15 are all generated: failed trylocks
 * by a lock's holder, several RCU domains, rwsem trylocks around queued writers, local first
 * steps (yield, choose, might_sleep) before blocking ones, assertions that fire more than once
 * per execution, and a property that reads two cells at every event. Giant locks, sleeps,
 * completions, counting semaphores and seqcounts are mixed in.
 *
 * <p>{@code -Dmmcheck.fuzz.programs=N -Dmmcheck.fuzz.seed=S} runs a longer campaign.
 */
class DifferentialFuzzTest {
  private static final int PROGRAMS = Integer.getInteger("mmcheck.fuzz.programs", 250);
  private static final long SEED = Long.getLong("mmcheck.fuzz.seed", 1);
  private static final long CAP = 30_000;
  private static final int MAX_EVENTS = Integer.getInteger("mmcheck.fuzz.maxEvents", 30);

  /** The shared objects of one execution of a program. */
  static final class Objects {
    final List<Cell<Integer>> cells = List.of(new Cell<>("x", 0), new Cell<>("y", 0));
    final Mutex mutex = new Mutex("m");
    final SpinLock spin = new SpinLock("sl");
    final BitLock bit = new BitLock("pg");
    final Semaphore sem1 = new Semaphore("sem1", 1);
    final Semaphore sem2 = new Semaphore("sem2", 2);
    final RwSemaphore rw = new RwSemaphore("rw");
    final GiantLock giant = new GiantLock("bkl");
    final List<Rcu> rcu = List.of(new Rcu("rcu0"), new Rcu("rcu1"));
    final Completion done = new Completion("done");
    final SeqCount seq = new SeqCount("seq");
    final Mutex seqLock = new Mutex("seq_lock");
  }

  private sealed interface Step permits Access, Check, Section, Retry, RcuRead, Sync, Local, Choice, Signal, Wait,
      SeqWrite, SeqRead {}

  private record Access(int cell, boolean write) implements Step {}

  private record Check(int cell, int forbidden, String label) implements Step {}

  /** kind: 0 mutex, 1 spin, 2 bit, 3 sem1, 4 sem2, 5 rw read, 6 rw write, 7 giant; try: trylock, skip body on failure. */
  private record Section(int kind, boolean trylock, List<Step> body) implements Step {}

  /** A trylock of the innermost held lock (fails: the thread holds it), as a holder might. */
  private record Retry() implements Step {}

  private record RcuRead(int domain, List<Step> body) implements Step {}

  private record Sync(int domain) implements Step {}

  /** 0 yield, 1 might_sleep, 2 sleep. */
  private record Local(int kind) implements Step {}

  private record Choice(List<Step> a, List<Step> b) implements Step {}

  private record Signal() implements Step {}

  private record Wait() implements Step {}

  private record SeqWrite(List<Step> body) implements Step {}

  private record SeqRead(int cell) implements Step {}

  private static List<Step> steps(Random r, int depth, int max, int[] label) {
    List<Step> out = new ArrayList<>();
    int n = 1 + r.nextInt(max);
    for (int i = 0; i < n; i++) {
      int k = r.nextInt(depth < 2 ? 20 : 9);
      out.add(switch (k) {
        case 0, 1, 2 -> new Access(r.nextInt(2), r.nextBoolean());
        case 3 -> new Check(r.nextInt(2), r.nextInt(3), "L" + label[0]++);
        case 4 -> new Local(r.nextInt(3));
        case 5 -> new Retry();
        case 6 -> new Sync(r.nextInt(2));
        case 7 -> r.nextInt(3) == 0 ? new Wait() : new Signal();
        case 8 -> new SeqRead(r.nextInt(2));
        case 9, 10, 11, 12, 13 -> new Section(r.nextInt(8), r.nextInt(4) == 0, steps(r, depth + 1, 2, label));
        case 14, 15 -> new RcuRead(r.nextInt(2), steps(r, depth + 1, 2, label));
        case 16 -> new Choice(steps(r, depth + 1, 1, label), steps(r, depth + 1, 1, label));
        case 17 -> new SeqWrite(steps(r, depth + 1, 1, label));
        default -> new Access(r.nextInt(2), true);
      });
    }
    return out;
  }

  static Scenario program(long seed, Objects[] published) {
    Random r = new Random(seed);
    int threads = 2 + r.nextInt(2);
    int[] label = {0};
    List<List<Step>> bodies = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      bodies.add(steps(r, 0, threads == 2 ? 3 : 2, label));
    }
    return new Scenario() {
      @Override
      public void setup(dev.mmcheck.engine.World w) {
        Objects o = new Objects();
        published[0] = o;
        for (int t = 0; t < bodies.size(); t++) {
          List<Step> body = bodies.get(t);
          int id = t;
          w.thread("t" + t, () -> run(body, id, o, new ArrayList<>()));
        }
      }

      @Override
      public String name() {
        return "fuzz-" + seed;
      }

      @Override
      public String toString() {
        return bodies.toString();
      }
    };
  }

  /** {@code held}: the locks this thread holds, innermost last, as retry closures. */
  private static void run(List<Step> body, int id, Objects o, List<java.util.function.BooleanSupplier> held) {
    for (Step s : body) {
      switch (s) {
        case Access a -> {
          if (a.write()) {
            o.cells.get(a.cell()).set(id + 1);
          } else {
            o.cells.get(a.cell()).get();
          }
        }
        case Check c -> Sched.check(o.cells.get(c.cell()).get() != c.forbidden(), c.label());
        case Retry x -> {
          if (!held.isEmpty()) {
            Sched.check(!held.get(held.size() - 1).getAsBoolean(), "retry succeeded");
          }
        }
        case Sync y -> o.rcu.get(y.domain()).synchronize();
        case Local l -> {
          switch (l.kind()) {
            case 0 -> Sched.yieldNow();
            case 1 -> Sched.mightSleep("fuzz");
            default -> Sched.sleep("fuzz");
          }
        }
        case Choice c -> run(Sched.chooseBoolean() ? c.a() : c.b(), id, o, held);
        case Signal x -> o.done.complete();
        case Wait x -> o.done.waitForCompletion();
        case SeqRead q -> {
          int start = o.seq.readBegin();
          o.cells.get(q.cell()).get();
          o.seq.readRetry(start);
        }
        case SeqWrite w -> {
          o.seqLock.lock();
          o.seq.writeBegin();
          held.add(o.seqLock::trylock);
          run(w.body(), id, o, held);
          held.remove(held.size() - 1);
          o.seq.writeEnd();
          o.seqLock.unlock();
        }
        case RcuRead rr -> {
          Rcu d = o.rcu.get(rr.domain());
          d.readLock();
          run(rr.body(), id, o, held);
          d.readUnlock();
        }
        case Section sec -> section(sec, id, o, held);
      }
    }
  }

  private static void section(Section sec, int id, Objects o, List<java.util.function.BooleanSupplier> held) {
    Runnable lock;
    java.util.function.BooleanSupplier trylock;
    Runnable unlock;
    switch (sec.kind()) {
      case 0 -> { lock = o.mutex::lock; trylock = o.mutex::trylock; unlock = o.mutex::unlock; }
      case 1 -> { lock = o.spin::lock; trylock = o.spin::trylock; unlock = o.spin::unlock; }
      case 2 -> { lock = o.bit::lock; trylock = o.bit::trylock; unlock = o.bit::unlock; }
      case 3 -> { lock = o.sem1::down; trylock = o.sem1::downTrylock; unlock = o.sem1::up; }
      case 4 -> { lock = o.sem2::down; trylock = o.sem2::downTrylock; unlock = o.sem2::up; }
      case 5 -> { lock = o.rw::downRead; trylock = o.rw::downReadTrylock; unlock = o.rw::upRead; }
      case 6 -> { lock = o.rw::downWrite; trylock = o.rw::downWriteTrylock; unlock = o.rw::upWrite; }
      default -> {
        lock = o.giant::lock;
        trylock = () -> {
          o.giant.lock();
          return true;
        };
        unlock = o.giant::unlock;
      }
    }
    if (sec.trylock()) {
      if (!trylock.getAsBoolean()) {
        return;
      }
    } else {
      lock.run();
    }
    // a retry of a giant lock or of a counting semaphore may legitimately succeed: only offer
    // retries of locks that exclude their holder
    held.add(sec.kind() == 4 || sec.kind() == 5 || sec.kind() == 7 ? () -> false : trylockThatUndoes(trylock, unlock));
    run(sec.body(), id, o, held);
    held.remove(held.size() - 1);
    unlock.run();
  }

  private static java.util.function.BooleanSupplier trylockThatUndoes(java.util.function.BooleanSupplier t,
      Runnable unlock) {
    return () -> {
      boolean ok = t.getAsBoolean();
      if (ok) {
        unlock.run();
      }
      return ok;
    };
  }

  /** Reads two cells at every event: fires when both hold 1 (a property that reads shared state). */
  static final class BothOne implements Property, EventListener {
    private final Objects[] published;

    BothOne(Objects[] published) {
      this.published = published;
    }

    @Override
    public String name() {
      return "both-one";
    }

    @Override
    public void eventExecuted(ExecutionContext ctx, Event e) {
      Objects o = published[0];
      if (o.cells.get(0).peek() == 1 && o.cells.get(1).peek() == 1) {
        ctx.report(this, "x == 1 && y == 1");
      }
    }
  }

  @TestFactory
  List<DynamicTest> reductionsMatchTheUnreducedSearch() {
    List<DynamicTest> tests = new ArrayList<>();
    for (long seed = SEED; seed < SEED + PROGRAMS; seed++) {
      long s = seed;
      tests.add(DynamicTest.dynamicTest("seed " + s, () -> check(s)));
    }
    return tests;
  }

  static void check(long seed) {
    Objects[] published = new Objects[1];
    Scenario p = program(seed, published);
    java.util.function.Supplier<List<Listener>> props = () -> List.of(new DeadlockFreedom(), new SleepInAtomic(),
        new LockHeldAtExit(), new BothOne(published));
    Outcomes2.Run optimal = Outcomes2.explore(p, Strategy.DPOR, CAP, props);
    if (optimal.result() instanceof Result.ModelError e) {
      throw new AssertionError("seed " + seed + ": model error " + e.message() + " in " + p);
    }
    // the unreduced search grows with the events of an execution: skip programs it cannot finish
    Assumptions.assumeTrue(optimal.result().statistics().maxDepth() <= MAX_EVENTS
        && optimal.result().statistics().executions() <= 2_000, "too large for brute force");
    Outcomes2.Run all = Outcomes2.explore(p, Strategy.EXHAUSTIVE, CAP, props);
    Assumptions.assumeTrue(Outcomes2.exhaustive(all.result()), "too large for brute force");
    for (Strategy st : List.of(Strategy.DPOR, Strategy.SOURCE_DPOR)) {
      Outcomes2.Run r = st == Strategy.DPOR ? optimal : Outcomes2.explore(p, st, CAP, props);
      String where = "seed " + seed + " " + st + " program " + p;
      assertEquals(all.violations(), r.violations(), where + ": violations");
      assertEquals(all.outcomes(), r.outcomes(), where + ": outcomes");
      assertEquals(all.edges(), r.edges(), where + ": lock-order edges");
    }
  }
}
