package dev.mmcheck.model.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Catalog;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class V6CatalogTest {
  @Test
  void everyScenarioIsBuiltWithItsDefaultsAndTheCatalogIsAService() {
    V6Catalog c = new V6Catalog();
    assertEquals(12, c.entries().size());
    c.entries().keySet().forEach(n -> c.create(n, Map.of()));
    assertTrue(ServiceLoader.load(Catalog.class).stream().anyMatch(p -> p.type() == V6Catalog.class));
    assertTrue(c.scenarios().stream().allMatch(e -> e.params().stream().anyMatch(p -> p.key().equals("mm.era"))));
  }

  @Test
  void badParametersNameTheKey() {
    V6Catalog c = new V6Catalog();
    IllegalArgumentException era = assertThrows(IllegalArgumentException.class,
        () -> c.create("stackrot", Map.of("mm.era", "6.2")));
    assertTrue(era.getMessage().contains("6.1, 6.4, 6.15"), era.getMessage());
    IllegalArgumentException knob = assertThrows(IllegalArgumentException.class,
        () -> c.create("stackrot", Map.of("mm.forkWriteLocksParent", "yes")));
    assertTrue(knob.getMessage().startsWith("mm.forkWriteLocksParent"), knob.getMessage());
    IllegalArgumentException choice = assertThrows(IllegalArgumentException.class,
        () -> c.create("stackrot", Map.of("mm.reader", "spin")));
    assertTrue(choice.getMessage().startsWith("mm.reader"), choice.getMessage());
  }

  @Test
  void allFixesThenOneKnobUndoesOneFix() {
    Discipline6 d = Era6.E6_4.discipline().withOverrides(Map.of("mm.allFixes", "true", "mm.dupAnonVmaWriteLocks",
        "false"));
    assertFalse(d.dupAnonVmaWriteLocks());
    boolean[] v = d.values();
    int off = 0;
    for (boolean b : v) {
      off += b ? 0 : 1;
    }
    assertEquals(1, off);
    assertEquals(Discipline6.ALL_FIXED, Era6.E6_1.discipline().withOverrides(Map.of("mm.allFixes", "true")));
    assertEquals(Era6.E6_15.discipline(), Era6.E6_15.discipline().withOverrides(Map.of("mm.stackExpandUnderWriteLock",
        "era")));
  }
}
