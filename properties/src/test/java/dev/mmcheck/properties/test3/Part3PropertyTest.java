package dev.mmcheck.properties.test3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.props.LockOrder;
import dev.mmcheck.model.ghost.AccessWindow.Outcome;
import dev.mmcheck.model.v2017.Era17;
import dev.mmcheck.model.v2017.Fault17;
import dev.mmcheck.model.v2017.Fork17;
import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.Mmap17;
import dev.mmcheck.model.v2017.Pte17;
import dev.mmcheck.model.v2017.RangeCatalog;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;
import dev.mmcheck.properties.ForkSnapshot;
import dev.mmcheck.properties.NoSpuriousSigsegv;
import dev.mmcheck.properties.RangePropertyCatalog;
import dev.mmcheck.properties.VmaWalk;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** Each part-3 property fires where it must and stays quiet where it must not. */
class Part3PropertyTest {
  static Map<String, String> p(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (String s : kv) {
      int eq = s.indexOf('=');
      m.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return m;
  }

  static Result run(Scenario s, Property... props) {
    Result r = Checker.of(s).with(props).run();
    System.out.println(s.name() + " -> " + r.getClass().getSimpleName() + " executions=" + r.statistics().executions()
        + (r instanceof Result.ViolationsFound f ? " " + f.first().violation().message() : ""));
    return r;
  }

  static String fired(Result r, String property) {
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r, r.toString());
    assertEquals(property, f.first().violation().property());
    return f.first().violation().message();
  }

  static void quiet(Result r) {
    assertInstanceOf(Result.Verified.class, r, r.toString());
  }

  @Test
  void catalogIsAService() {
    boolean found = false;
    for (Catalog c : ServiceLoader.load(Catalog.class)) {
      if (c instanceof RangePropertyCatalog rc) {
        found = true;
        assertEquals(List.of("fork-snapshot", "no-spurious-sigsegv", "vma-walk"),
            rc.properties().stream().map(Catalog.Entry::name).toList());
      }
    }
    assertTrue(found);
  }

  // ---- fork-snapshot ----

  @Test
  void forkSnapshotFiresWhenTheCopyMixesInstants() {
    String m = fired(run(RangeCatalog.create("fork-vs-parent", p("mm.era=2017-range", "mm.dupLock=READ")),
        new ForkSnapshot()), "fork-snapshot");
    assertTrue(m.contains("not a snapshot: child") && m.contains("[1,2)rwp=1"), m);
    fired(run(RangeCatalog.create("fork-vs-parent", p("mm.era=2017-range", "mm.op=mprotect", "mm.dupLock=NONE")),
        new ForkSnapshot()), "fork-snapshot");
  }

  @Test
  void forkSnapshotQuietWithTheWriteLock() {
    for (String op : List.of("write", "fault", "munmap", "mprotect")) {
      for (Era17 e : Era17.values()) {
        quiet(run(RangeCatalog.create("fork-vs-parent", p("mm.era=" + e.id(), "mm.op=" + op)), new ForkSnapshot()));
      }
    }
  }

  /** A fork that forgets to write-protect one PTE of the parent: the parent's write reaches the child. */
  @Test
  void forkSnapshotFiresOnBrokenCopyOnWrite() {
    String m = fired(run(w -> {
      Mm17 mm = new Mm17("mm", Era17.E2_4_20.discipline(), 1, null);
      mm.mapInitial("vma1", 0, 1, Vma17.ANON_RW);
      mm.pageInitial(0, 0, true);
      Task17 t = new Task17("t");
      w.thread("t", () -> {
        Fork17.do_fork(mm, t, "child");
        mm.setPte(0, new Pte17(mm.pte(0).get().page(), true));   // the bug: writable again, still shared
        Fault17.user_access(mm, t, 0, true, 1);
      });
    }, new ForkSnapshot()), "fork-snapshot");
    assertTrue(m.contains("COW isolation broken") && m.contains("mapped privately by both mm@0 and child@0"), m);
  }

  @Test
  void forkSnapshotQuietWhenBothSidesWriteAfterFork() {
    quiet(run(w -> {
      Mm17 mm = new Mm17("mm", Era17.E2017_RANGE.discipline(), 1, null);
      mm.mapInitial("vma1", 0, 1, Vma17.ANON_RW);
      mm.pageInitial(0, 0, true);
      Task17 t = new Task17("parent");
      Task17 c = new Task17("child");
      Mm17[] child = new Mm17[1];
      w.thread("parent", () -> {
        child[0] = Fork17.do_fork(mm, t, "child");
        Sched.spawn("childproc", () -> Sched.check(Fault17.user_access(child[0], c, 0, true, 2) == Outcome.OK, "child"));
        Fault17.user_access(mm, t, 0, true, 1);
      });
    }, new ForkSnapshot()));
  }

  // ---- no-spurious-sigsegv ----

  @Test
  void noSpuriousSigsegvFiresOnDeletedVmasAcrossMapFixed() {
    String m = fired(run(RangeCatalog.create("map-fixed-vs-fault", p("mm.mark=DELETED")), new NoSpuriousSigsegv()),
        "no-spurious-sigsegv");
    assertTrue(m.contains("fault's write of mm page 1 failed with SEGV_MAPERR"), m);
    fired(run(RangeCatalog.create("map-fixed-vs-fault", p("mm.mark=NONE", "mm.mapFixedAtomic=false")),
        new NoSpuriousSigsegv()), "no-spurious-sigsegv");
  }

  @Test
  void noSpuriousSigsegvQuietOnLockedVmasAndOnLegitimateSignals() {
    quiet(run(RangeCatalog.create("map-fixed-vs-fault", p()), new NoSpuriousSigsegv()));
    // inside an munmap'ed range a SIGSEGV is allowed
    quiet(run(RangeCatalog.create("munmap-vs-fault", p("mm.mark=DELETED", "mm.addr=1")), new NoSpuriousSigsegv()));
    // an address that is never mapped
    quiet(run(w -> {
      Mm17 mm = new Mm17("mm", Era17.E2017_RANGE.discipline(), 2, null);
      mm.mapInitial("vma1", 0, 1, Vma17.ANON_RW);
      Task17 t = new Task17("t");
      w.thread("t", () -> Sched.check(Fault17.user_access(mm, t, 1, true, 1) == Outcome.SEGV_MAPERR, "unmapped"));
    }, new NoSpuriousSigsegv()));
  }

  /** Without a layout call in flight, an access to a mapped page that fails is spurious whatever the cause. */
  @Test
  void noSpuriousSigsegvFiresOnAFaultThatFailsOnAMappedPage() {
    fired(run(w -> {
      Mm17 mm = new Mm17("mm", Era17.E2017_RANGE.discipline(), 1, null);
      Vma17 v = mm.mapInitial("vma1", 0, 1, Vma17.ANON_RW);
      v.vmState.set(Vma17.DELETED);                     // a stale mark nobody removes
      Task17 t = new Task17("t");
      w.thread("t", () -> dev.mmcheck.model.v2018.Fault18.user_access(mm, t, 0, true, 1));
    }, new NoSpuriousSigsegv()), "no-spurious-sigsegv");
  }

  // ---- vma-walk ----

  @Test
  void vmaWalkFiresOnAWalkIntoAFreedVmaAndOnAStaleCacheHit() {
    String m = fired(run(RangeCatalog.create("list-walk", p("mm.vmacache=NONE")), new VmaWalk()), "vma-walk");
    assertTrue(m.contains("walk into a freed VMA: fault did read(vma_b.") && m.contains("Mmap17.find_vma()"), m);
    m = fired(run(RangeCatalog.create("list-walk", p("mm.listLock=RWLOCK", "mm.vmacache=OUTSIDE")), new VmaWalk()),
        "vma-walk");
    assertTrue(m.contains("Vmacache17.find()"), m);
  }

  /** A VMA unlinked (and not yet freed) by another thread: the walker's read is stale. */
  @Test
  void vmaWalkFiresOnAStaleReadBeforeAnyFree() {
    String m = fired(run(w -> {
      Mm17 mm = new Mm17("mm", Era17.E2017_RANGE.discipline(), 3, null);
      mm.mapInitial("vma_a", 0, 1, Vma17.ANON_RW);
      Vma17 b = mm.mapInitial("vma_b", 1, 2, Vma17.ANON_RW);
      mm.mapInitial("vma_c", 2, 3, Vma17.ANON_RW);
      Task17 t = new Task17("walker");
      w.thread("walker", () -> Mmap17.find_vma(mm, t, 2));
      w.thread("unlinker", () -> Mmap17.unlink(mm, mm.mmap.get(), b));   // never freed
    }, new VmaWalk()), "vma-walk");
    assertTrue(m.contains("stale VMA: walker did read(vma_b.") && m.contains("unlinked from mm's list by unlinker"), m);
  }

  @Test
  void vmaWalkQuietWithTheListLockAndUnderFullRanges() {
    quiet(run(RangeCatalog.create("list-walk", p("mm.listLock=RWLOCK", "mm.vmacache=INSIDE")), new VmaWalk()));
    quiet(run(RangeCatalog.create("list-walk", p("mm.fullRange=true", "mm.vmacache=OUTSIDE")), new VmaWalk()));
    quiet(run(RangeCatalog.create("fork-vs-parent", p("mm.op=munmap", "mm.dupLock=READ")), new VmaWalk()));
    quiet(run(RangeCatalog.create("munmap-vs-fault", p()), new VmaWalk()));
  }

  /**
   * 2.4.20's dup_mmap holds the child's page_table_lock while copy_page_range takes the parent's
   * (seed 002's rule 5 nesting, safe because the child is not yet visible): lockdep, which
   * groups both under one class, calls it possible recursive locking unless annotated
   * ({@code spin_lock_nested} in later kernels); the engine's lock-order does the same.
   */
  @Test
  void childThenParentPageTableLockIsSameClassNesting() {
    String m = fired(run(RangeCatalog.create("fork-vs-parent", p("mm.era=2.4.20")), new LockOrder()), "lock-order");
    assertTrue(m.contains("mm.page_table_lock") && m.contains("child.page_table_lock"), m);
    quiet(run(RangeCatalog.create("fork-vs-parent", p("mm.era=2.2.1")), new LockOrder()));
  }
}
