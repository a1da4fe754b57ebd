package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Conflict;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.props.LockOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the counterexample capture adds for reports: the threads' pending operations at the end
 * (blocked, queued, who holds what), the wait-for cycle, the preemption count and the
 * {@link Conflict} rules, each where it must apply and where it must not.
 */
class CounterexampleAnalysisTest {
  private static Counterexample first(Result r) {
    assertTrue(r instanceof Result.ViolationsFound, r.toString());
    return ((Result.ViolationsFound) r).first();
  }

  private static List<String> names(List<ThreadRef> ts) {
    return ts.stream().map(ThreadRef::name).toList();
  }

  @Test
  void abbaPendingAcquisitionsAreBlockedWithTheirHoldersAndSourceLines() {
    Counterexample c = first(ReportGoldenTest.checker(new GoldenScenarios.Abba()).run());
    assertEquals(2, c.pending().size());
    PendingOp t1 = c.pending().get(0);
    assertEquals(List.of("t1", "mutex_lock", "B"), List.of(t1.thread().name(), t1.op(), t1.object()));
    assertTrue(t1.blocked());
    assertFalse(t1.queued());
    assertEquals(List.of("t2"), names(t1.holders()));
    assertEquals(List.of("A"), t1.held());
    assertTrue(t1.location().startsWith("GoldenScenarios.java:"), t1.location());
    assertEquals("GoldenScenarios.java:" + (c.trace().get(0).stack().get(0).getLineNumber() + 1) + " "
        + "(GoldenScenarios$Abba.lambda$setup$0)", t1.location(), "the line after t1's first lock");
    assertEquals(List.of("t1", "t2"), names(c.waitCycle()));
    assertEquals(new Conflict(List.of(0, 1), Conflict.Rule.DEADLOCK_CYCLE), c.conflict());
    assertEquals(1, c.preemptions());
    assertEquals(1, c.contextSwitches());
  }

  @Test
  void aQueuedWriterIsQueuedAheadNotAHolder() {
    Counterexample c = first(ReportGoldenTest.checker(new GoldenScenarios.RecursiveRead()).run());
    PendingOp reader = c.pending().get(0);
    PendingOp munmap = c.pending().get(1);
    assertEquals("down_read(acquired)", reader.op());
    assertTrue(reader.queued());
    assertEquals(List.of(), names(reader.holders()));
    assertEquals(List.of("munmap"), names(reader.queuedAhead()));
    assertEquals(List.of("mm.mmap_sem(r)"), reader.held());
    assertEquals(List.of("reader"), names(munmap.holders()));
    assertEquals(List.of(), munmap.queuedAhead());
    assertEquals("down_write", c.trace().get(munmap.requestEvent()).event().op());
    assertEquals("down_read", c.trace().get(reader.requestEvent()).event().op());
    assertTrue(c.violation().details().contains("reader waits in down_read(mm.mmap_sem) queued behind [munmap]"),
        c.violation().details().toString());
    assertEquals(Conflict.Rule.DEADLOCK_CYCLE, c.conflict().rule());
    assertEquals("down_read(acquired)", c.trace().get(c.conflict().events().get(0)).event().op(),
        "the reader's acquisition it still holds, not its second request");
    assertEquals("down_write", c.trace().get(c.conflict().events().get(1)).event().op(), "the writer's queue place");
  }

  @Test
  void useAfterFreePairsTheFreeWithTheUse() {
    Counterexample c = first(ReportGoldenTest.checker(new GoldenScenarios.UseAfterFree()).run());
    assertEquals(Conflict.Rule.FREE_THEN_USE, c.conflict().rule());
    assertEquals("free", c.trace().get(c.conflict().events().get(0)).event().op());
    assertEquals(c.violation().eventIndex(), c.conflict().events().get(1));
    assertTrue(c.waitCycle().isEmpty());
    assertTrue(c.pending().stream().noneMatch(PendingOp::blocked));
  }

  @Test
  void lockOrderPairsTheHeldLockWithTheInvertingAcquisition() {
    Counterexample c = first(Checker.of(new GoldenScenarios.Abba()).with(new LockOrder()).run());
    assertEquals("lock-order", c.violation().property());
    Conflict k = c.conflict();
    assertEquals(Conflict.Rule.LOCK_ORDER, k.rule());
    Event held = c.trace().get(k.events().get(0)).event();
    Event taken = c.trace().get(k.events().get(1)).event();
    assertEquals(held.thread(), taken.thread(), "both acquisitions are the reporting thread's");
    assertEquals(c.violation().eventIndex(), taken.index());
    assertTrue(c.trace().get(taken.index() - 1).held().contains(held.object()), "it held that lock");
  }

  /** Reports when thread b acquires any lock. */
  private static final class BLocks implements Property, LockListener {
    public String name() {
      return "b-locks";
    }

    public void lockAcquired(ExecutionContext ctx, Event e, SyncObject lock, LockMode mode, boolean trylock) {
      if (e.thread().name().equals("b")) {
        ctx.report(this, "b took " + lock.name());
      }
    }
  }

  @Test
  void lastRaceSkipsReleaseThenAcquireAndTakesThePreviousAcquisition() {
    Scenario s = w -> {
      Mutex m = new Mutex("m");
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("a", () -> {
        m.lock();
        x.set(1);
        m.unlock();
      });
      w.thread("b", m::lock); // no model frame on b's stack: its trace location is "?"
    };
    Counterexample c = first(Checker.of(s).with(new BLocks()).run());
    assertEquals("?", c.trace().get(3).location());
    assertEquals(List.of("a", "a", "a", "b"), c.trace().stream().map(t -> t.event().thread().name()).toList());
    assertEquals(new Conflict(List.of(0, 3), Conflict.Rule.LAST_RACE), c.conflict(),
        "a's mutex_unlock(m) [2] cannot be reordered after b's mutex_lock(m) [3]; a's mutex_lock(m) [0] can");
  }

  /** Reports at every event. */
  private static final class AtOnce implements Property, EventListener {
    public String name() {
      return "at-once";
    }

    public void eventExecuted(ExecutionContext ctx, Event e) {
      ctx.report(this, "event " + e.index());
    }
  }

  @Test
  void noRuleAppliesWithoutAnotherThreadsConflictingEvent() {
    Scenario s = w -> {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("a", () -> x.set(1));
      w.thread("b", () -> y.set(1));
    };
    Counterexample c = first(Checker.of(s).with(new AtOnce()).run());
    assertNull(c.conflict());
    assertEquals(0, c.preemptions());
  }
}
