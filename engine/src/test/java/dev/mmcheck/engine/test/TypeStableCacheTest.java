package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.TypeStableCache;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link TypeStableCache}: reuse while a reader holds a reference, generations, no false use-after-free. */
class TypeStableCacheTest {
  static final class Obj extends Tracked {
    final Cell<Integer> owner = cell("owner", 0);
    final Mutex lock = new Mutex(name() + ".lock", "obj_lock");

    Obj(String name) {
      super(name);
    }
  }

  @Test
  void aFreedObjectIsHandedOutAgainWithTheNextGeneration() {
    Outcomes.verified(Checker.of(w -> {
      TypeStableCache<Obj> cache = new TypeStableCache<>("obj_cache");
      w.thread("t", () -> {
        Obj a = cache.alloc(() -> new Obj("a"));
        Sched.check(a.generation() == 0, "fresh");
        a.free();
        Obj b = cache.alloc(() -> new Obj("b"));
        Sched.check(b == a && b.generation() == 1 && !b.isFreed(), "reused");
        cache.free(b);
        Obj c = cache.alloc(() -> new Obj("c"));
        Sched.check(c == a && c.generation() == 2, "reused twice");
      });
    }).with(new UseAfterFree()).run());
  }

  /**
   * A reader found obj (owner 1) and later locks it; meanwhile the owner frees it and another
   * owner (2) gets it back. With {@code revalidate}, the reader re-checks the owner under the
   * lock, as lock_vma_under_rcu re-checks vma->vm_mm.
   */
  static Scenario lookupThenLock(boolean revalidate) {
    return w -> {
      TypeStableCache<Obj> cache = new TypeStableCache<>("obj_cache");
      Obj first = cache.alloc(() -> new Obj("obj"));
      first.owner.set(1);
      Cell<Obj> table = new Cell<>("table", first);
      w.thread("reader", () -> {
        Obj o = table.get();
        if (o == null) {
          return;
        }
        o.lock.lock();
        int who = revalidate ? o.owner.get() : 1;
        if (who == 1) {
          Sched.check(o.owner.get() == 1, "the reader used an object that now belongs to owner 2");
        }
        o.lock.unlock();
      });
      w.thread("owner", () -> {
        Obj o = table.get();
        table.set(null);
        o.lock.lock();
        o.lock.unlock();
        o.free();
        Obj again = cache.alloc(() -> new Obj("other"));
        again.lock.lock(); // the new owner initialises it under its lock
        again.owner.set(2);
        again.lock.unlock();
      });
    };
  }

  @Test
  void aReaderThatDoesNotRevalidateIsCaughtAndNoUseAfterFreeIsClaimed() {
    Outcomes2.Run r = SoundnessRegressionTest.agree(lookupThenLock(false), () -> List.of(new UseAfterFree()));
    assertEquals(Set.of("assertion: the reader used an object that now belongs to owner 2"), r.violations());
  }

  @Test
  void aReaderThatRevalidatesUnderTheLockIsVerified() {
    Outcomes2.Run r = SoundnessRegressionTest.agree(lookupThenLock(true), () -> List.of(new UseAfterFree()));
    assertEquals(Set.of(), r.violations());
  }

  @Test
  void aDoubleFreeIntoTheCacheIsStillReported() {
    Outcomes.violation(Checker.of(w -> {
      TypeStableCache<Obj> cache = new TypeStableCache<>("obj_cache");
      w.thread("t", () -> {
        Obj a = cache.alloc(() -> new Obj("a"));
        a.free();
        a.free();
      });
    }).with(new UseAfterFree()).run(), "use-after-free");
  }

  @Test
  void anObjectOfAPlainAllocationIsStillSubjectToUseAfterFree() {
    assertTrue(Outcomes.violation(Checker.of(w -> {
      Obj a = new Obj("a");
      w.thread("t", () -> {
        a.free();
        a.owner.get();
      });
    }).with(new UseAfterFree()).run(), "use-after-free").violation().message().startsWith("use after free"));
  }
}
