package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.RangeLock;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.Site;
import dev.mmcheck.engine.SiteAnalysis;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.examples.TwoLocks;
import dev.mmcheck.engine.props.LockOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * What removing a site does ({@link SiteAnalysis}): the acquisition and its matching release
 * vanish (no event, no held lock, no lock-listener call), releases pair innermost first, trylocks
 * succeed, guards return false without evaluating their condition; setup and signal semaphores
 * are not sites. Each test compares with the same program without removal, so it can fail.
 */
class SiteRemovalTest {
  /** Every event and lock callback, as text. */
  static final class Recorder implements EventListener, LockListener {
    final List<String> log = new ArrayList<>();

    @Override
    public void eventExecuted(ExecutionContext ctx, Event e) {
      log.add(e.thread().name() + " " + e.op() + "(" + e.object() + ")");
    }

    @Override
    public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
      log.add("acquired " + lock.name());
    }

    @Override
    public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
      log.add("released " + lock.name());
    }
  }

  /** The sites a search of {@code s} executes. */
  static List<Site> sites(Scenario s) {
    SiteAnalysis a = SiteAnalysis.recording();
    Result r = Checker.of(s).withSiteAnalysis(a).run();
    assertInstanceOf(Result.Verified.class, r, String.valueOf(r));
    return a.executed();
  }

  static Site site(List<Site> sites, Predicate<Site> p) {
    List<Site> m = sites.stream().filter(p).toList();
    assertEquals(1, m.size(), "sites " + sites);
    return m.get(0);
  }

  /** The log of the single execution of a one-thread scenario, with {@code removed} removed. */
  static List<String> log(Scenario s, List<Site> removed) {
    Recorder rec = new Recorder();
    Checker c = Checker.of(s).with(rec);
    if (removed != null) {
      c = c.withSiteAnalysis(SiteAnalysis.recording().removing(removed));
    }
    Result r = c.run();
    assertInstanceOf(Result.Verified.class, r, String.valueOf(r));
    return rec.log;
  }

  @Test
  void aRemovedAcquisitionHasNoEventNoHolderAndNoLockCallback() {
    List<Site> sites = sites(new TwoLocks());
    Site stats = site(sites, s -> s.name().equals("stats_lock"));
    assertEquals("mutex_lock", stats.operation());
    assertTrue(stats.location().startsWith("TwoLocks.java:"), stats.location());
    Recorder with = new Recorder();
    Checker.of(new TwoLocks()).with(with).run();
    assertTrue(with.log.stream().anyMatch(l -> l.contains("stats_lock")), "the lock is used normally: " + with.log);
    Recorder without = new Recorder();
    Result r = Checker.of(new TwoLocks()).with(without, new LockOrder())
        .withSiteAnalysis(SiteAnalysis.recording().removing(List.of(stats))).run();
    assertInstanceOf(Result.Verified.class, r);
    assertFalse(without.log.stream().anyMatch(l -> l.contains("stats_lock")), "no trace of it: " + without.log);
    assertTrue(without.log.stream().anyMatch(l -> l.contains("acquired data_lock")), without.log.toString());
  }

  /** A thread takes an rwsem for read twice (lines A and B) and releases it twice, a marker in between. */
  static Scenario nestedRead() {
    return w -> {
      RwSemaphore sem = new RwSemaphore("sem");
      Cell<Integer> marker = new Cell<>("marker", 0);
      w.thread("t", () -> {
        sem.downRead(); // outer
        sem.downRead(); // inner
        sem.upRead();
        marker.set(1);
        sem.upRead();
      });
    };
  }

  @Test
  void releasesPairWithAcquisitionsInnermostFirst() {
    List<Site> sites = sites(nestedRead());
    assertEquals(2, sites.size(), sites.toString());
    Site outer = sites.get(0);
    Site inner = sites.get(1);
    List<String> all = log(nestedRead(), null);
    assertEquals(2, all.stream().filter(l -> l.equals("released sem")).count(), all.toString());
    // inner removed: the first up_read is skipped, the second releases the outer hold, after the marker
    List<String> noInner = log(nestedRead(), List.of(inner));
    assertEquals(List.of("t down_read(sem)", "acquired sem", "t down_read(acquired)(sem)", "t write(marker)",
        "released sem", "t up_read(sem)"), noInner);
    // outer removed: the first up_read releases the inner hold, before the marker; the second is skipped
    List<String> noOuter = log(nestedRead(), List.of(outer));
    assertEquals(List.of("t down_read(sem)", "acquired sem", "t down_read(acquired)(sem)", "released sem",
        "t up_read(sem)", "t write(marker)"), noOuter);
  }

  @Test
  void aRemovedTrylockSucceedsWithoutAnEvent() {
    Scenario s = w -> {
      Mutex m = new Mutex("m");
      Semaphore sem = new Semaphore("sem", 1);
      w.thread("t", () -> {
        Sched.check(m.trylock(), "trylock failed");
        Sched.check(sem.downTrylock(), "down_trylock failed");
        sem.up();
        m.unlock();
      });
    };
    List<Site> sites = sites(s);
    assertEquals(List.of("mutex_trylock", "down_trylock"), sites.stream().map(Site::operation).toList());
    List<String> log = log(s, sites);
    assertEquals(List.of(), log);
  }

  @Test
  void recursiveGiantLockLevelsAreSitesAndTheirUnlockIsSkipped() {
    Scenario s = w -> {
      GiantLock bkl = new GiantLock("bkl");
      Cell<Boolean> heldAfterInner = new Cell<>("heldAfterInner", false);
      w.thread("t", () -> {
        bkl.lock(); // outer
        bkl.lock(); // inner: no event
        bkl.unlock();
        heldAfterInner.set(bkl.heldByCurrentThread());
        Sched.check(bkl.heldByCurrentThread(), "lost the giant lock at the inner unlock");
        bkl.unlock();
      });
    };
    List<Site> sites = sites(s);
    assertEquals(2, sites.size(), sites.toString());
    assertEquals(List.of("giant_lock", "giant_lock"), sites.stream().map(Site::operation).toList());
    // removing the inner level: the inner unlock must not release the outer hold (assertion would fire)
    log(s, List.of(sites.get(1)));
    // removing the outer level: the thread takes it at the inner call only
    Recorder rec = new Recorder();
    Result r = Checker.of(s).with(rec).withSiteAnalysis(SiteAnalysis.recording().removing(List.of(sites.get(0)))).run();
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r, "the outer hold is gone");
    assertEquals("assertion", f.first().violation().property());
  }

  @Test
  void rangeLocksPairByRangeAndMode() {
    Scenario s = w -> {
      RangeLock rl = new RangeLock("mm.range");
      w.thread("t", () -> {
        rl.readLock(0, 10);
        rl.writeLock(10, 20);
        rl.readUnlock(0, 10);
        rl.writeUnlock(10, 20);
      });
    };
    List<Site> sites = sites(s);
    assertEquals(List.of("range_read_lock", "range_write_lock"), sites.stream().map(Site::operation).toList());
    List<String> log = log(s, List.of(sites.get(0)));
    assertEquals(List.of("t range_write_lock(mm.range[10,20))", "acquired mm.range", "t range_write_lock(acquired)(mm.range[10,20))",
        "released mm.range", "t range_write_unlock(mm.range[10,20))"), log);
  }

  @Test
  void aRemovedDownWriteTakesItsDowngradeAndUpReadAlong() {
    Scenario s = w -> {
      RwSemaphore sem = new RwSemaphore("sem");
      w.thread("t", () -> {
        sem.downWrite();
        sem.downgradeWrite();
        sem.upRead();
      });
    };
    List<Site> sites = sites(s);
    assertEquals(List.of(), log(s, sites));
  }

  @Test
  void rcuAndSeqcountSectionsAreSites() {
    Scenario s = w -> {
      Rcu rcu = new Rcu("rcu");
      SeqCount seq = new SeqCount("seq");
      w.thread("t", () -> {
        rcu.readLock();
        rcu.readUnlock();
        seq.writeBegin();
        seq.writeEnd();
      });
    };
    List<Site> sites = sites(s);
    assertEquals(List.of("rcu_read_lock", "write_seqcount_begin"), sites.stream().map(Site::operation).toList());
    assertEquals(List.of(), log(s, sites));
  }

  /** A lock helper, as the model's {@code Kernel.lockKernel()}: its callers are one site with one frame. */
  static void lockHelper(Mutex m) {
    m.lock();
  }

  @Test
  void moreFramesTellApartTheCallersOfALockHelper() {
    Scenario s = w -> {
      Mutex m = new Mutex("m");
      w.thread("a", () -> {
        lockHelper(m);
        m.unlock();
      });
      w.thread("b", () -> {
        lockHelper(m);
        m.unlock();
      });
    };
    assertEquals(1, sites(s).size(), "one frame: the helper's line");
    SiteAnalysis two = SiteAnalysis.recording(2);
    Checker.of(s).withSiteAnalysis(two).run();
    List<Site> sites = two.executed();
    assertEquals(2, sites.size(), sites.toString());
    assertTrue(sites.get(0).location().contains("(SiteRemovalTest.lockHelper) <- SiteRemovalTest.java:"),
        sites.get(0).location());
    // removing one caller's site leaves the other's acquisition in place
    Recorder rec = new Recorder();
    Checker.of(s).with(rec).withSiteAnalysis(two.removing(List.of(sites.get(0)))).run();
    List<String> lockers = rec.log.stream().filter(l -> l.contains(" mutex_lock(m)")).map(l -> l.split(" ")[0])
        .distinct().toList();
    assertEquals(1, lockers.size(), "only the other caller locks: " + rec.log);
    assertEquals(1, rec.log.stream().filter(l -> l.contains(" mutex_unlock(m)")).count(), rec.log.toString());
  }

  @Test
  void setupAndSignalSemaphoresAreNotSites() {
    Scenario s = w -> {
      Mutex m = new Mutex("m");
      m.lock();
      m.unlock();
      Semaphore signal = new Semaphore("done", 0);
      w.thread("waiter", signal::down);
      w.thread("poster", signal::up);
    };
    assertEquals(List.of(), sites(s));
  }

  @Test
  void aRemovedGuardReturnsFalseWithoutEvaluatingItsCondition() {
    AtomicInteger evaluated = new AtomicInteger();
    Scenario s = w -> {
      Cell<Integer> c = new Cell<>("c", 1);
      w.thread("t", () -> {
        boolean changed = Sched.recheck("c is set", () -> {
          evaluated.incrementAndGet();
          return c.get() == 1;
        });
        Sched.check(!changed, "the guard said changed");
      });
    };
    SiteAnalysis rec = SiteAnalysis.recording();
    Result withGuard = Checker.of(s).withSiteAnalysis(rec).run();
    assertEquals("assertion", assertInstanceOf(Result.ViolationsFound.class, withGuard).first().violation().property());
    Site guard = site(rec.executed(), x -> x.kind() == Site.Kind.GUARD);
    assertEquals("c is set", guard.name());
    evaluated.set(0);
    Recorder log = new Recorder();
    Result without = Checker.of(s).with(log).withSiteAnalysis(rec.removing(List.of(guard))).run();
    assertInstanceOf(Result.Verified.class, without);
    assertEquals(0, evaluated.get(), "the condition is not evaluated");
    assertEquals(List.of(), log.log, "so its read is not an event");
  }

  @Test
  void replayHonoursTheRemoval() {
    List<Site> sites = sites(new TwoLocks());
    Site data = sites.get(0);
    Checker without = Checker.of(new TwoLocks()).withSiteAnalysis(SiteAnalysis.recording().removing(List.of(data)));
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, without.run());
    Result again = without.replay(f.first().schedule());
    assertInstanceOf(Result.ViolationsFound.class, again, "replayed with the site removed");
    Result plain = Checker.of(new TwoLocks()).replay(f.first().schedule());
    assertInstanceOf(Result.ModelError.class, plain, "without the removal the schedule diverges: " + plain);
  }
}
