package dev.mmcheck.model.test3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.engine.props.UseAfterFree;
import dev.mmcheck.model.ghost.AccessWindow.Outcome;
import dev.mmcheck.model.v2017.Discipline17;
import dev.mmcheck.model.v2017.Era17;
import dev.mmcheck.model.v2017.Fault17;
import dev.mmcheck.model.v2017.Fork17;
import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.RangeCatalog;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;
import dev.mmcheck.model.v2018.Discipline18;
import dev.mmcheck.model.v2018.Era18;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The part-3 model on its own: eras, catalog, single-thread semantics, and misuse of the range lock. */
class RangeModelTest {
  static Mm17 mm(Era17 era, int pages) {
    return new Mm17("mm", era.discipline(), pages, null);
  }

  static Result run(Scenario s) {
    return Checker.of(s).with(new DeadlockFreedom(), new NoUncaughtException(), new UseAfterFree()).run();
  }

  @Test
  void erasParseAndKnobsOverrideOneThing() {
    for (Era17 e : Era17.values()) {
      assertEquals(e, Era17.parse(e.id()));
    }
    for (Era18 e : Era18.values()) {
      assertEquals(e, Era18.parse(e.id()));
    }
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Era17.parse("2019"));
    assertTrue(x.getMessage().contains("2017-range"), x.getMessage());
    Discipline17 d = Era17.E2017_RANGE.discipline();
    Discipline17 read = d.withOverrides(Map.of("mm.dupLock", "READ"));
    assertEquals(Discipline17.DupLock.READ, read.dupLock());
    assertEquals(d.listLock(), read.listLock());
    assertEquals(d, d.withOverrides(Map.of("mm.dupLock", "era")));
    x = assertThrows(IllegalArgumentException.class, () -> d.withOverrides(Map.of("mm.dupLock", "SOME")));
    assertTrue(x.getMessage().contains("SUBRANGE"), x.getMessage());
    Discipline18 l = Era18.E2018_VMA_LOCK.discipline();
    assertEquals(Discipline18.Mark.DELETED, l.withOverrides(Map.of("mm.mark", "DELETED")).mark());
    assertThrows(IllegalArgumentException.class, () -> l.withOverrides(Map.of("mm.mark", "GONE")));
  }

  @Test
  void catalogIsAServiceAndBuildsEveryScenario() {
    boolean found = false;
    for (Catalog c : ServiceLoader.load(Catalog.class)) {
      found |= c instanceof RangeCatalog;
    }
    assertTrue(found, "RangeCatalog is not registered in META-INF/services");
    for (RangeCatalog.Entry e : RangeCatalog.entries().values()) {
      Result r = run(RangeCatalog.create(e.name(), Map.of()));
      if (e.name().equals("list-walk")) {
        // the default is the 2017-range era without a list lock: the walker uses the freed vma_b
        Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r, e.name());
        assertEquals("use-after-free", f.first().violation().property());
      } else {
        assertInstanceOf(Result.Verified.class, r, e.name());
      }
    }
    assertThrows(IllegalArgumentException.class, () -> RangeCatalog.create("fork-vs-parent", Map.of("mm.op", "exec")));
    assertThrows(IllegalArgumentException.class, () -> RangeCatalog.create("map-fixed-vs-fault", Map.of("mm.addr", "9")));
  }

  /** One thread: COW after fork gives each side its own copy; unmapped and read-only pages signal. */
  @Test
  void forkAndCopyOnWriteSingleThread() {
    for (Era17 era : Era17.values()) {
      Result r = run(w -> {
        Mm17 mm = new Mm17("mm", era.discipline(), 3, era.discipline().bkl() ? new dev.mmcheck.engine.GiantLock("kernel_lock") : null);
        mm.mapInitial("vma1", 0, 2, Vma17.ANON_RW);
        mm.pageInitial(0, 7, true);
        Task17 t = new Task17("t");
        w.thread("t", () -> {
          Mm17 child = Fork17.do_fork(mm, t, "child");
          Sched.check(child.pte(0).get().page() == mm.pte(0).get().page(), "the page is shared after fork");
          Sched.check(!mm.pte(0).get().write(), "the parent's PTE is write-protected");
          Sched.check(Fault17.user_access(mm, t, 0, true, 8) == Outcome.OK, "the parent's write succeeds");
          Sched.check(child.pte(0).get().page().data.get() == 7, "the child keeps 7");
          Sched.check(Fault17.user_access(child, t, 0, true, 9) == Outcome.OK, "the child's write succeeds");
          Sched.check(child.pte(0).get().write(), "the child reused its page (count 1)");
          Sched.check(mm.pte(0).get().page().data.get() == 8, "the parent keeps 8");
          Sched.check(Fault17.user_access(mm, t, 2, false, 0) == Outcome.SEGV_MAPERR, "page 2 is unmapped");
          Sched.check(Fault17.user_access(mm, t, 1, true, 1) == Outcome.OK, "page 1 faults in");
        });
      });
      assertInstanceOf(Result.Verified.class, r, era + ": " + r);
    }
  }

  /** Bad input: unlocking another range than the one locked is a model error naming thread and range. */
  @Test
  void unlockOfAnotherRangeIsAModelError() {
    Result r = Checker.of(w -> {
      Mm17 mm = mm(Era17.E2017_RANGE, 2);
      w.thread("buggy", () -> {
        mm.lock.readLock(0, 1);
        mm.lock.readUnlock(0, 2);
      });
    }).with(new NoUncaughtException()).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r, r.toString());
    assertTrue(e.message().contains("range_read_unlock(mm.mmap_sem, [0, 2)) by buggy")
        && e.message().contains("holds [0, 1)(r)"), e.message());
  }

  /**
   * A kernel path that faults on its own mm while holding an overlapping write range (the
   * range-lock version of a recursive {@code down_write}) waits for itself: a deadlock, reported
   * with the range it waits for, as the kernel would hang.
   */
  @Test
  void faultingUnderOwnWriteRangeSelfDeadlocks() {
    Result r = Checker.of(w -> {
      Mm17 mm = mm(Era17.E2017_RANGE, 2);
      mm.mapInitial("vma1", 0, 2, Vma17.ANON_RW);
      Task17 t = new Task17("buggy");
      w.thread("buggy", () -> {
        mm.lock.writeLock(0, 2);
        Fault17.user_access(mm, t, 1, true, 1);
        mm.lock.writeUnlock(0, 2);
      });
    }).with(new NoUncaughtException(), new dev.mmcheck.engine.props.DeadlockFreedom()).run();
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r, r.toString());
    assertEquals("deadlock", f.violations().get(0).violation().property(), r.toString());
    assertTrue(f.violations().get(0).violation().message().contains("mm.mmap_sem"),
        f.violations().get(0).violation().message());
  }

  /** Bad input: an empty range. */
  @Test
  void emptyRangeIsAModelError() {
    Result r = Checker.of(w -> {
      Mm17 mm = mm(Era17.E2017_RANGE, 2);
      w.thread("buggy", () -> mm.lock.writeLock(1, 1));
    }).run();
    Result.ModelError e = assertInstanceOf(Result.ModelError.class, r, r.toString());
    assertTrue(e.message().contains("[1, 1)) by buggy: empty range"), e.message());
  }
}
