package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys a scenario registers through {@link Namespace}s. */
class ScenarioKeysTest {

  static final Key<String> ERA = Key.choice("mm.era", "maple", "locking era", "mmap_sem", "maple");
  static final Key<Integer> THREADS = Key.nonNegativeInt("mm.threads", 2, "model threads");
  static final Key<List<String>> OPS = Key.list("mm.ops", List.of("fault"), "operations");

  @TempDir Path dir;

  private ConfigLoader loader(boolean open) {
    return new ConfigLoader(Fixtures.resolver(), scenario -> scenario == Fixtures.MmScenario.class
        ? List.of(new Namespace("mm.", List.of(ERA, THREADS, OPS), open))
        : List.of());
  }

  private Config load(boolean open, String... lines) {
    return loader(open).load(TestFiles.write(dir, "x.jpf", lines), List.of());
  }

  private String at(int line) {
    return Origin.display(dir.resolve("x.jpf")) + ":" + line;
  }

  @Test
  void scenarioKeysAreTypedWithDefaults() {
    Config c = load(false, "target = mm", "mm.era = mmap_sem", "mm.ops = fault, munmap");
    assertEquals("mmap_sem", c.get(ERA));
    assertEquals(2, c.get(THREADS));
    assertEquals(List.of("fault", "munmap"), c.get(OPS));
  }

  @Test
  void scenarioKeysAreValidatedByTheirType() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load(false, "target = mm", "mm.era = stone"));
    assertEquals(at(2) + ": mm.era: expected one of: mmap_sem, maple, got 'stone'", e.getMessage());
  }

  @Test
  void unknownKeyInClosedNamespaceSuggestsScenarioKeys() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load(false, "target = mm", "mm.thread = 3"));
    assertEquals(at(2) + ": unknown key 'mm.thread'; did you mean: mm.threads?", e.getMessage());
    assertEquals("the scenario accepts under mm.: mm.era, mm.threads, mm.ops",
        e.hint().orElseThrow());
  }

  @Test
  void openNamespaceAcceptsUndeclaredKeysAsText() {
    Config c = load(true, "target = mm", "mm.anything = 42 x", "mm.threads = 4");
    assertEquals("42 x", c.raw("mm.anything").orElseThrow());
    assertEquals(4, c.get(THREADS));
    assertTrue(c.render().contains("mm.anything = 42 x"));
  }

  @Test
  void scenarioKeysAreUnknownForOtherScenarios() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> load(false, "target = plain", "mm.threads = 3"));
    assertTrue(e.getMessage().startsWith(at(2) + ": unknown key 'mm.threads'"), e.getMessage());
  }

  @Test
  void targetFromOverrideSelectsTheNamespace() {
    Path f = TestFiles.write(dir, "x.jpf", "target = plain", "mm.threads = 3");
    Config c = loader(false).load(f, List.of("+target=mm"));
    assertEquals(3, c.get(THREADS));
  }

  @Test
  void namespacesMustNotClash() {
    Schema s = Schema.builtin().with(Namespace.of("mm.", THREADS));
    assertThrows(IllegalArgumentException.class, () -> s.with(Namespace.of("mm.x.")));
    assertThrows(IllegalArgumentException.class, () -> Schema.builtin().with(Namespace.of("search.")));
    assertThrows(IllegalArgumentException.class, () -> Namespace.of("mm", THREADS));
    assertThrows(IllegalArgumentException.class, () -> Namespace.of("vm.", THREADS));
  }
}
