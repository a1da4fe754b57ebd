package dev.mmcheck.engine.test;

import static dev.mmcheck.engine.test.Outcomes.violation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.Witness;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.HeldLocks;
import dev.mmcheck.engine.props.LockOrder;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.LockCycle;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 13.1: stacks are built from event indices by replaying the execution's schedule prefix
 * ({@code ExecutionContext.stackAt}, {@code witness}), inside listener callbacks, on the
 * single-carrier scheduler the tests run with ({@code -Djdk.virtualThreadScheduler.parallelism=1}).
 * Each test compares with the stack walked eagerly at the event itself (the old behaviour).
 */
class LazyStacksTest {
  /** Three threads, a spawned one, a choice, nested locks: enough interleavings and call depth. */
  static Scenario scenario() {
    return w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t1", () -> nested(a, b, x));
      w.thread("t2", () -> {
        int c = Sched.choose(2);
        if (c == 0) {
          nested(a, b, x);
        } else {
          Sched.spawn("child", () -> nested(a, b, x));
          a.lock();
          a.unlock();
        }
      });
      w.thread("t3", () -> {
        b.lock();
        x.set(x.get() + 1);
        b.unlock();
      });
    };
  }

  static void nested(Mutex a, Mutex b, Cell<Integer> x) {
    a.lock();
    inner(b, x);
    a.unlock();
  }

  static void inner(Mutex b, Cell<Integer> x) {
    b.lock();
    x.set(x.get() + 1);
    b.unlock();
  }

  /**
   * Walks the stack at every event (as properties did before) and, at every lock acquisition,
   * asks {@code stackAt} for every earlier event of the execution: they must be equal.
   */
  static final class Compare implements EventListener, LockListener, ExecutionListener {
    final List<List<StackTraceElement>> walked = new ArrayList<>();
    int compared;
    int deepest;
    final List<String> mismatches = new ArrayList<>();

    @Override
    public void executionStarted(ExecutionContext ctx) {
      walked.clear();
    }

    @Override
    public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
      // the current event: answered by a walk; the earlier ones: by a replay inside this callback
      check(ctx, event.index(), ctx.modelStack(8));
      for (int i = 0; i < walked.size() && i < event.index(); i++) {
        check(ctx, i, walked.get(i));
      }
    }

    @Override
    public void eventExecuted(ExecutionContext ctx, Event event) {
      walked.add(ctx.modelStack(8));
      deepest = Math.max(deepest, walked.get(walked.size() - 1).size());
    }

    @Override
    public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
      // after the end, from the explorer's thread
      for (int i = 0; i < walked.size(); i++) {
        check(ctx, i, walked.get(i));
      }
    }

    private void check(ExecutionContext ctx, int i, List<StackTraceElement> expected) {
      compared++;
      List<StackTraceElement> got = ctx.stackAt(i);
      if (!got.equals(expected)) {
        mismatches.add("execution " + ctx.executionNumber() + " event " + i + ": " + got + " != " + expected);
      }
    }
  }

  @Test
  void stackAtAnEarlierEventIsTheStackThatEventHad() {
    Compare c = new Compare();
    Result plain = Checker.of(scenario()).with(new DeadlockFreedom()).run();
    Result r = Checker.of(scenario()).with(new DeadlockFreedom(), c).run();
    assertTrue(c.mismatches.isEmpty(), () -> c.mismatches.size() + " mismatches, e.g. " + c.mismatches.get(0));
    assertTrue(c.compared > 1000, "compared " + c.compared);
    assertTrue(c.deepest >= 3, "deep stacks are compared: " + c.deepest);
    // replays inside callbacks do not disturb the search
    assertEquals(plain.getClass(), r.getClass());
    assertEquals(plain.statistics().executions(), r.statistics().executions());
    assertEquals(plain.statistics().events(), r.statistics().events());
    assertEquals(plain.statistics().sleepBlocked(), r.statistics().sleepBlocked());
  }

  /** Keeps a witness of the first acquisition of the first execution; resolves it in the last. */
  static final class LateWitness implements LockListener, ExecutionListener {
    Witness kept;
    List<StackTraceElement> walkedThen;
    List<StackTraceElement> resolvedLater;
    int resolvedIn;

    @Override
    public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
      if (kept == null && event.index() >= 2) {
        kept = ctx.witness(event.index());
        walkedThen = ctx.modelStack(8);
      } else if (kept != null && ctx.executionNumber() > kept.execution() + 2 && resolvedLater == null) {
        resolvedLater = kept.stack();
        resolvedIn = ctx.executionNumber();
      }
    }
  }

  @Test
  void aWitnessResolvesInALaterExecution() {
    LateWitness l = new LateWitness();
    Checker.of(scenario()).with(l).run();
    assertEquals(1, l.kept.execution());
    assertTrue(l.resolvedIn > 3, "resolved in execution " + l.resolvedIn);
    assertFalse(l.walkedThen.isEmpty());
    assertEquals(l.walkedThen, l.resolvedLater);
    assertEquals(l.walkedThen, l.kept.stack()); // cached
  }

  /**
   * The old lock-order witness text, computed here by walking the stack at each acquisition:
   * the lazy witnesses of {@link LockOrder} must print exactly the same lines.
   */
  @Test
  void lockOrderWitnessTextIsTheEagerOne() {
    Scenario s = w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("t1", () -> nested(a, b, x));
      w.thread("t2", () -> {
        x.set(1);
        b.lock();
        x.set(2);
        a.lock();
        a.unlock();
        b.unlock();
      });
    };
    List<String> eager = new ArrayList<>();
    LockListener walk = new LockListener() {
      @Override
      public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
        eager.add(ctx.executionNumber() + " " + event.index() + " " + lock.name() + " "
            + HeldLocks.format(ctx.modelStack(8), 3));
      }
    };
    Result r = Checker.of(s).with(new LockOrder(), walk).run();
    Counterexample c = violation(r, "lock-order");
    List<String> d = c.violation().details();
    assertEquals(6, d.size(), d.toString());
    // every "X acquired at ..." line is the stack walked at that acquisition in its execution
    for (String line : d) {
      if (line.contains(" acquired at ")) {
        String site = line.substring(line.indexOf(" acquired at ") + " acquired at ".length());
        String lock = line.trim().substring(0, line.trim().indexOf(' '));
        assertTrue(eager.stream().anyMatch(e -> e.endsWith(" " + lock + " " + site)), line + " not in " + eager);
        assertTrue(site.contains("LazyStacksTest"), site);
      }
    }
    assertTrue(d.stream().anyMatch(l -> l.contains("B acquired at LazyStacksTest.inner(LazyStacksTest.java:")
        && l.contains("<- LazyStacksTest.nested(LazyStacksTest.java:")), d.toString());
  }

  static void inOrder(Mutex first, Mutex second) {
    first.lock();
    takeSecond(second);
    first.unlock();
  }

  static void takeSecond(Mutex second) {
    second.lock();
    second.unlock();
  }

  /**
   * A parallel search shares lock-order's graph between workers, so the witness of an edge seen
   * by one worker is resolved by the other (a replay of the first worker's prefix while it may
   * still run): the cycle's stacks are those of a one-worker search. Skipped, saying so, if the
   * machine let one worker run both executions.
   */
  @RepeatedTest(2)
  void aWitnessFromAnotherWorkerResolvesToTheSameStacks() {
    Scenario s = w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t", () -> {
        if (Sched.choose(2) == 0) {
          inOrder(a, b);
        } else {
          inOrder(b, a);
        }
      });
    };
    SearchOptions exhaustive = SearchOptions.defaults().withStrategy(SearchOptions.Strategy.EXHAUSTIVE);
    LockCycle one = violation(Checker.of(s).with(new LockOrder()).options(exhaustive).run(), "lock-order")
        .violation().lockCycle();
    Set<Object> workers = ConcurrentHashMap.newKeySet();
    Supplier<ExecutionListener> slow = () -> new ExecutionListener() {
      @Override
      public void executionStarted(ExecutionContext ctx) {
        workers.add(this);
        try {
          Thread.sleep(200); // so that the idle worker claims the other branch
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    Result r = Checker.of(s).withListenerFactory(() -> List.<Listener>of(new LockOrder(), slow.get()))
        .options(exhaustive.withWorkers(2)).run();
    Assumptions.assumeTrue(workers.size() == 2, "both executions ran on one worker");
    LockCycle two = violation(r, "lock-order").violation().lockCycle();
    assertEquals(edges(one), edges(two));
    assertEquals(2, edges(two).size(), edges(two).toString());
    for (LockCycle.Dependency d : two.chain()) {
      assertTrue(top(d.held()).startsWith("LazyStacksTest.inOrder"), d.toString());
      assertTrue(top(d.taken()).startsWith("LazyStacksTest.takeSecond"), d.toString());
    }
    assertTrue(top(two.held().get(0)).startsWith("LazyStacksTest.inOrder"), two.toString());
  }

  /** Each edge's thread, classes, instances and stacks (not the execution numbers, which differ). */
  private static List<String> edges(LockCycle c) {
    List<String> out = new ArrayList<>();
    for (LockCycle.Dependency d : c.chain()) {
      out.add(d.thread() + " " + d.held() + " -> " + d.taken());
    }
    out.sort(null); // either execution may close the cycle, so it may start at either edge
    return out;
  }

  private static String top(LockCycle.Acquisition a) {
    return HeldLocks.format(a.stack(), 1);
  }

  /** A property that reports with the held acquisition's stack (as documented-lock-order does). */
  @Test
  void stackAtWorksInMultipleErrorsModeAndReplay() {
    Property p = new ReportsEarlierStack();
    Result r = Checker.of(scenario()).with(p).options(SearchOptions.defaults().withMultipleErrors(true)).run();
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r);
    for (Counterexample c : f.violations()) {
      assertTrue(c.violation().details().get(0).contains("LazyStacksTest.nested(LazyStacksTest.java:"),
          c.violation().details().toString());
    }
    // and in Checker.replay (a replay whose property replays a prefix again)
    Counterexample first = f.first();
    Result again = Checker.of(scenario()).with(new ReportsEarlierStack()).replay(first.schedule());
    assertEquals(first.violation().details(), violation(again, "earlier-stack").violation().details());
  }

  /** Reports the first time B is taken under A, with the stack of A's acquisition. */
  static final class ReportsEarlierStack implements Property, LockListener, ExecutionListener {
    private final HeldLocks held = new HeldLocks();

    @Override
    public String name() {
      return "earlier-stack";
    }

    @Override
    public void executionStarted(ExecutionContext ctx) {
      held.clear();
    }

    @Override
    public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
      for (HeldLocks.Acquisition h : held.of(event.thread())) {
        if (h.lock().name().equals("A") && lock.name().equals("B")) {
          ctx.report(this, "B under A by " + event.thread().name(), List.of(h.describe(ctx)));
        }
      }
      held.acquired(event.thread(), lock, mode, event.index());
    }

    @Override
    public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
      held.released(event.thread(), lock);
    }
  }
}
