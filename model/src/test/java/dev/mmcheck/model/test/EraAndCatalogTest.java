package dev.mmcheck.model.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.model.Discipline;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class EraAndCatalogTest {
  @Test
  void erasParseAndRejectUnknownNames() {
    for (Era e : Era.values()) {
      assertEquals(e, Era.parse(e.id()));
    }
    IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> Era.parse("2001"));
    assertTrue(x.getMessage().contains("1999-patch"), x.getMessage());
  }

  @Test
  void knobOverridesChangeOneThingAndEraKeepsIt() {
    Discipline patch = Era.E1999_PATCH.discipline();
    Discipline undone = patch.withOverrides(Map.of("mm.munmapClearsCacheInsideLock", "false"));
    assertFalse(undone.munmapClearsCacheInsideLock());
    assertEquals(patch.vmlistLock(), undone.vmlistLock());
    assertEquals(patch, patch.withOverrides(Map.of("mm.munmapClearsCacheInsideLock", "era")));
    assertThrows(IllegalArgumentException.class, () -> patch.withOverrides(Map.of("mm.bklInterlock", "yes")));
    IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
        () -> patch.withOverrides(Map.of("mm.swapoffLock", "TASKLIST")));
    assertTrue(bad.getMessage().contains("mm.swapoffLock") && bad.getMessage().contains("MMAP_SEM"), bad.getMessage());
    assertEquals(Discipline.SwapoffLock.MMAP_SEM,
        patch.withOverrides(Map.of("mm.swapoffLock", "MMAP_SEM")).swapoffLock());
  }

  /** Every knob has a catalog parameter whose choices include "era". */
  @Test
  void everyKnobIsAParameterOfEveryPart1Scenario() {
    for (String knob : Discipline.KNOBS) {
      assertTrue(Discipline.knobValues(knob).contains("era"), knob);
      for (ScenarioCatalog.Entry e : ScenarioCatalog.entries().values()) {
        if (e.params().stream().anyMatch(p -> p.key().equals("mm.era") && p.choices().contains("1999-pre"))) {
          assertTrue(e.params().stream().anyMatch(p -> p.key().equals("mm." + knob)), e.name() + " lacks mm." + knob);
        }
      }
    }
  }

  /** The facts the audit asked for, per era (a change here is a change of history). */
  @Test
  void eraFactsFromTheSources() {
    assertTrue(Era.E1998_FIXED.discipline().syscallsTakeBkl(), "2.2.1 sys_munmap/sys_mlock lock_kernel()");
    assertFalse(Era.E1999_PRE.discipline().syscallsTakeBkl(), "2.3.21 sys_mprotect: up(mmap_sem) only");
    assertEquals(Discipline.PtraceOrder.LOCK_THEN_LOOKUP, Era.E1998_FIXED.discipline().ptraceOrder());
    assertEquals(Discipline.PtraceOrder.LOOKUP_THEN_LOCK, Era.E1999_PRE.discipline().ptraceOrder());
    assertTrue(Era.E1998.discipline().swapoutOffsetFromVma(), "2.1.98 vmscan.c");
    for (Era e : Era.values()) {
      if (e != Era.E1998) {
        assertFalse(e.discipline().swapoutOffsetFromVma(), e + ": page->offset");
      }
    }
    assertFalse(Era.E2_4_0.discipline().faultRechecks(), "2.4.0 do_swap_page");
    assertTrue(Era.E2_4_20.discipline().faultRechecks(), "2.4.20 pte_same");
    assertTrue(Era.E2_4_20.discipline().mmapSemRw());
    assertFalse(Era.E2_4_0.discipline().mmapSemRw(), "2.4.0 still init_MUTEX(&mm->mmap_sem)");
    assertTrue(Era.E1999_FINAL.discipline().swapoutGetsFields(), "mm18");
    assertFalse(Era.E1999_PATCH.discipline().swapoutGetsFields());
  }

  @Test
  void catalogIsAServiceAndEveryScenarioRunsWithItsDefaults() {
    Catalog c = ServiceLoader.load(Catalog.class).stream().map(ServiceLoader.Provider::get)
        .filter(ScenarioCatalog.class::isInstance).findFirst().orElseThrow();
    assertEquals(ScenarioCatalog.entries().size(), c.scenarios().size());
    for (Catalog.Entry e : c.scenarios()) {
      Map<String, String> defaults = new java.util.HashMap<>();
      e.params().forEach(p -> defaults.put(p.key(), p.defaultValue()));
      Result r = Checker.of(ScenarioCatalog.create(e.name(), defaults))
          .with(new DeadlockFreedom(), new NoUncaughtException()).run();
      assertFalse(r instanceof Result.ModelError, e.name() + ": " + r);
      assertTrue(r instanceof Result.Verified || r instanceof Result.ViolationsFound, e.name() + ": " + r);
    }
  }

  @Test
  void eachEraDisciplineIsDistinct() {
    assertEquals(Era.values().length,
        java.util.Arrays.stream(Era.values()).map(Era::discipline).distinct().count());
    assertInstanceOf(Discipline.class, Era.E1998.discipline());
  }
}
