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
