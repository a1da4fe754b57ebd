package dev.mmcheck.properties.test6;

import static dev.mmcheck.properties.test6.V6Runs.message;
import static dev.mmcheck.properties.test6.V6Runs.params;
import static dev.mmcheck.properties.test6.V6Runs.props;
import static dev.mmcheck.properties.test6.V6Runs.run;
import static dev.mmcheck.properties.test6.V6Runs.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.FaultRecord;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.MaState;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.Vma6;
import dev.mmcheck.properties.DocumentedLockOrder;
import dev.mmcheck.properties.DocumentedLockOrder6;
import dev.mmcheck.properties.FieldProtection;
import dev.mmcheck.properties.FieldRules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each part-4 property: a run where it must fire and one where it must not. */
class V6PropertyTest {
  private static final String F = "mm.allFixes=true";

  // ---- field-protection ----

  @Test
  void fieldProtectionFiresOnTheAnonVmaStoreOfDupAnonVma() {
    Result r = run("dup-anon-vma", params("6.4", F, "mm.dupAnonVmaWriteLocks=false"), props("field-protection"));
    assertEquals("violation field-protection", verdict(r));
    assertTrue(message(r).contains("write(dst.anon_vma)") && message(r).contains("requires"), message(r));
    assertEquals(1, r.statistics().executions(), "a discipline violation needs no race");
  }

  @Test
  void fieldProtectionFiresOnAnUnlockedRead() {
    Result r = run("anon-vma-check-before-lock", params("6.4", F, "mm.anonVmaCheckUnderVmaLock=false"),
        props("field-protection"));
    assertTrue(message(r).contains("read(v.anon_vma)") && message(r).contains("[rcu(r)]"), message(r));
  }

  @Test
  void fieldProtectionIsQuietOnEveryFixedScenario() {
    for (String s : List.of("dup-anon-vma", "anon-vma-check-before-lock", "fork-vs-vma-fault", "page-walk-vs-fault",
        "detached-check-order", "mm-drop-all-locks", "vma-lock-protocol")) {
      assertEquals("verified", verdict(run(s, params("6.4", F), props("field-protection"))), s);
    }
    assertEquals("verified", verdict(run("stackrot", params("6.1", F), props("field-protection"))));
    assertEquals("verified", verdict(run("stackrot", params("6.1"), props("field-protection"))),
        "6.1 allowed the stack's fields to change under mmap_read_lock: StackRot broke the tree, not the fields");
    assertEquals("verified", verdict(run("reused-vma-other-mm", params("6.15", F), props("field-protection"))));
  }

  @Test
  void aRuleFromTheConfigIsAddedAndWinsOverTheBuiltInOne() {
    // mbind writes vm_policy under mmap(w) & vma(w): a stricter user rule makes it fire
    Result r = run("page-walk-vs-fault", params("6.4", F),
        List.of(new FieldProtection("auto", "vm_policy write: mmap(w) & vma(w) & anon_vma(w)")));
    assertEquals("violation field-protection", verdict(r));
    assertTrue(message(r).contains("write(vma.vm_policy)") && message(r).contains("anon_vma(w)"), message(r));
    // table=none and no rules: nothing to check
    assertEquals("verified", verdict(run("dup-anon-vma", params("6.4", F, "mm.dupAnonVmaWriteLocks=false"),
        List.of(new FieldProtection("none", "")))));
  }

  /** A user class: a subclass with its own table and no Java beyond the constructor. */
  public static final class OnlyPolicy extends FieldProtection {
    public OnlyPolicy() {
      super(FieldRules.parse("vm_policy write: false", "OnlyPolicy"), false);
    }
  }

  @Test
  void aSubclassCanBringItsOwnTable() {
    assertEquals("violation field-protection", verdict(run("page-walk-vs-fault", params("6.4", F),
        List.of(new OnlyPolicy()))));
    assertEquals("verified", verdict(run("dup-anon-vma", params("6.4", F, "mm.dupAnonVmaWriteLocks=false"),
        List.of(new OnlyPolicy()))));
  }

  @Test
  void badRulesNameTheKeyTheRuleAndWhatIsWrong() {
    IllegalArgumentException a = assertThrows(IllegalArgumentException.class,
        () -> new FieldProtection("auto", "vm_flags write: mmap(w); vm_end write: mmap(x)"));
    assertTrue(a.getMessage().startsWith("field-protection.rules: rule 2 'vm_end write: mmap(x)': unknown lock 'mmap(x)'"),
        a.getMessage());
    IllegalArgumentException b = assertThrows(IllegalArgumentException.class,
        () -> new FieldProtection("auto", "vm_flags change: mmap(w)"));
    assertTrue(b.getMessage().contains("unknown access 'change'"), b.getMessage());
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> new FieldProtection("auto", "vm_flags write: (mmap(w) | vma(w)"));
    assertTrue(c.getMessage().contains("missing ')'"), c.getMessage());
  }

  // ---- vma-lock-protocol ----

  @Test
  void vmaLockProtocolFiresOnEachClause() {
    assertTrue(message(run("vma-lock-protocol", params("6.4", F, "mm.vmaStartWriteWaitsReaders=false"),
        props("vma-lock-protocol"))).contains("while fault holds vma read-locked"));
    assertTrue(message(run("vma-lock-protocol", params("6.15", F, "mm.vmaStartWriteWaitsReaders=false",
        "mm.writer=munmap"), props("vma-lock-protocol"))).contains("freed vma"));
    assertTrue(message(run("fork-vs-vma-fault", params("6.4", F, "mm.forkWriteLocksParent=false"),
        props("vma-lock-protocol"))).contains("did not vma_start_write"));
    assertTrue(message(run("detached-check-order", params("6.4", F, "mm.detachedCheckFirst=false"),
        props("vma-lock-protocol"))).startsWith("type confusion"));
    Scenario noMmapLock = w -> {
      Kernel6 k = new Kernel6(Era6.E6_4, Era6.E6_4.discipline());
      Mm6 mm = new Mm6(k, "mm", 1, false, null);
      Vma6 v = mm.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("t", () -> dev.mmcheck.model.v6.PerVmaLock.vma_start_write(mm, v));
    };
    Result r = Checker.of(noMmapLock).with(props("vma-lock-protocol")).run();
    assertTrue(message(r).contains("without holding mm.mmap_lock for write"), message(r));
  }

  @Test
  void vmaLockProtocolIsQuietOnTheFixedCode() {
    for (String era : List.of("6.4", "6.15")) {
      for (String writer : List.of("mprotect", "munmap")) {
        assertEquals("verified", verdict(run("vma-lock-protocol", params(era, F, "mm.writer=" + writer),
            props("vma-lock-protocol"))), era + " " + writer);
      }
    }
    assertEquals("verified", verdict(run("detached-check-order", params("6.4", F), props("vma-lock-protocol"))));
  }

  // ---- vma-identity, anon-rmap ----

  @Test
  void vmaIdentityFiresOnARecycledVmaAndIsQuietWithTheChecks() {
    Result r = run("reused-vma-identity", params("6.15", F, "mm.vmaLockChecksMm=false"), props("vma-identity",
        "use-after-free"));
    assertEquals("violation vma-identity", verdict(r), "use-after-free must not claim a type-stable VMA");
    assertTrue(message(r).contains("generation 1, looked up as generation 0") && message(r).contains("of B"),
        message(r));
    assertEquals("verified", verdict(run("reused-vma-identity", params("6.15", F), props("vma-identity"))));
    assertEquals("verified", verdict(run("vma-lock-protocol", params("6.4", F, "mm.writer=munmap"),
        props("vma-identity"))));
  }

  @Test
  void anonRmapFiresOnAnUnlinkedAnonVmaAndIsQuietOtherwise() {
    Result r = run("dup-anon-vma", params("6.4", F, "mm.dupAnonVmaWriteLocks=false"), props("anon-rmap"));
    assertTrue(message(r).contains("does not link av"), message(r));
    for (String s : List.of("dup-anon-vma", "fork-vs-vma-fault", "anon-vma-check-before-lock")) {
      assertEquals("verified", verdict(run(s, params("6.4", F), props("anon-rmap"))), s);
    }
  }

  // ---- documented-lock-order-6 ----

  @Test
  void documentedLockOrder6FiresOnTheFirstExecutionAndIsQuietOnTheKernelOrder() {
    Result r = run("mm-take-all-locks", params("6.4", F, "mm.takeAllLocksVmaFirst=false"),
        List.of(new DocumentedLockOrder6()));
    assertEquals("violation documented-lock-order-6", verdict(r));
    assertEquals(1, r.statistics().executions());
    assertTrue(message(r).contains("acquires vma.vm_lock(w) (vm_lock) while holding av.rwsem(w)"), message(r));
    // both acquisition sites, found through the wrapper's stackAt (the engine's lazy witnesses)
    List<String> details = ((Result.ViolationsFound) r).first().violation().details();
    assertTrue(details.size() == 2 && details.get(0).contains("av.rwsem(w) acquired at Mmap6.mm_take_all_locks")
        && details.get(1).contains("vma.vm_lock(w) acquired at PerVmaLock.vma_start_write"), details.toString());
    assertEquals("verified", verdict(run("mm-take-all-locks", params("6.4", F), List.of(new DocumentedLockOrder6()))));
    assertEquals("verified", verdict(run("fork-vs-vma-fault", params("6.4", F), List.of(new DocumentedLockOrder6()))));
    // the same table through the 2.6 property, under its own name
    Result same = run("mm-take-all-locks", params("6.4", F, "mm.takeAllLocksVmaFirst=false"),
        List.<Property>of(new DocumentedLockOrder(DocumentedLockOrder6.ORDER_6)));
    assertEquals("violation documented-lock-order", verdict(same));
  }

  // ---- the local versions of issue 9's properties ----

  @Test
  void forkSnapshotFiresOnTheCowBreakDuringTheCopyAndIsQuietOtherwise() {
    Result r = run("fork-vs-vma-fault", params("6.4", F, "mm.forkWriteLocksParent=false"), props("v6-fork-snapshot"));
    assertTrue(message(r).contains("got [0, 1]"), message(r));
    assertEquals("verified", verdict(run("fork-vs-vma-fault", params("6.4", F), props("v6-fork-snapshot"))));
    assertEquals("verified", verdict(run("fork-vs-vma-fault", params("6.1"), props("v6-fork-snapshot"))));
  }

  /** A real munmap before the fault justifies its SIGSEGV; MAP_FIXED never does. */
  @Test
  void noSpuriousSigsegvFiresOnTheGapOnlyAndAcceptsARealUnmap() {
    assertEquals("violation v6-no-spurious-sigsegv", verdict(run("map-fixed-gap", params("6.4"),
        props("v6-no-spurious-sigsegv"))));
    assertEquals("verified", verdict(run("map-fixed-gap", params("6.15"), props("v6-no-spurious-sigsegv"))));
    Scenario munmapThenFault = w -> {
      Kernel6 k = new Kernel6(Era6.E6_4, Era6.E6_4.discipline());
      Mm6 mm = new Mm6(k, "mm", 2, true, null);
      mm.mapInitial("old", 0, 2, Vma6.VM_READ, new AnonVma6("av"), null);
      FaultRecord rec = new FaultRecord("fault0", mm);
      w.thread("munmap", () -> Mmap6.sys_munmap(mm, 0));
      w.thread("reader", () -> {
        rec.addr.set(0);
        k.rcu.readLock();
        Vma6 v = mm.mt.mas_walk(new MaState(mm.mt, 0));
        k.rcu.readUnlock();
        if (v == null) {
          rec.result.set("SIGSEGV");
        }
      });
    };
    Result r = Checker.of(munmapThenFault).with(props("v6-no-spurious-sigsegv")).run();
    assertEquals("verified", verdict(r), "a SIGSEGV after a real munmap is not spurious");
    assertTrue(r.statistics().executions() > 1);
  }

  @Test
  void theCatalogNamesEveryPart4Property() {
    List<String> names = new dev.mmcheck.properties.V6PropertyCatalog().properties().stream()
        .map(dev.mmcheck.engine.Catalog.Entry::name).toList();
    assertEquals(List.of("field-protection", "documented-lock-order-6", "vma-lock-protocol", "vma-identity",
        "anon-rmap", "v6-fork-snapshot", "v6-no-spurious-sigsegv"), names);
    assertTrue(Map.of().isEmpty());
  }
}
