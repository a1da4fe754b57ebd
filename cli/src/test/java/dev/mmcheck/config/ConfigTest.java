package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Validation and typed access of built-in keys. */
class ConfigTest {

  @TempDir Path dir;

  private final ConfigLoader loader = new ConfigLoader(Fixtures.resolver(), NamespaceProvider.NONE);

  private Config load(String... lines) {
    return loader.load(TestFiles.write(dir, "x.jpf", lines), List.of());
  }

  private ConfigException fails(String... lines) {
    return assertThrows(ConfigException.class, () -> load(lines));
  }

  private String at(int line) {
    return Origin.display(dir.resolve("x.jpf")) + ":" + line;
  }

  @Test
  void defaults() {
    Config c = load("target = plain");
    assertSame(Fixtures.Plain.class, c.targetClass());
    assertEquals("plain", c.get(ConfigKeys.TARGET));
    assertEquals(List.of(), c.get(ConfigKeys.TARGET_ARGS));
    assertEquals(List.of(), c.get(ConfigKeys.LISTENER));
    assertEquals(List.of("deadlock", "uncaught-exception", "use-after-free"),
        c.get(ConfigKeys.SEARCH_PROPERTIES));
    assertFalse(c.get(ConfigKeys.SEARCH_MULTIPLE_ERRORS));
    assertEquals(10_000, c.get(ConfigKeys.SEARCH_DEPTH_LIMIT));
    assertEquals(0L, c.get(ConfigKeys.SEARCH_MAX_EXECUTIONS));
    assertEquals(Duration.ZERO, c.get(ConfigKeys.SEARCH_TIME_LIMIT));
    assertEquals(-1, c.get(ConfigKeys.SEARCH_PREEMPTION_BOUND));
    assertEquals("dpor", c.get(ConfigKeys.SEARCH_STRATEGY));
    assertTrue(c.get(ConfigKeys.REPORT_CONSOLE_ERROR));
    assertTrue(c.get(ConfigKeys.REPORT_CONSOLE_TRACE));
    assertTrue(c.get(ConfigKeys.REPORT_CONSOLE_STATISTICS));
    assertTrue(c.get(ConfigKeys.REPORT_CONSOLE_CONFIG));
    assertEquals("", c.get(ConfigKeys.REPORT_JSON));
    assertEquals("", c.get(ConfigKeys.REPORT_HTML));
    assertTrue(c.expectation().isEmpty());
    assertThrows(ConfigException.class, () -> c.get(ConfigKeys.EXPECT));
    assertFalse(c.isSet("search.strategy"));
    assertTrue(c.isSet("target"));
  }

  @Test
  void typedValues() {
    Config c = load("target = plain", "target.args = a b, c", "listener = tracer",
        "search.properties = deadlock lock-order", "search.multiple_errors = yes",
        "search.depth_limit = 50", "search.max_executions = 1000000000000",
        "search.time_limit = 5m", "search.preemption_bound = 2", "search.strategy = exhaustive",
        "report.console.trace = false", "report.json = ${config_path}/out.json",
        "expect = violation lock-order", "classpath = a.jar:b.jar");
    assertEquals(List.of("a b", "c"), c.get(ConfigKeys.TARGET_ARGS));
    assertEquals(List.of("tracer"), c.get(ConfigKeys.LISTENER));
    assertEquals(List.of("deadlock", "lock-order"), c.get(ConfigKeys.SEARCH_PROPERTIES));
    assertTrue(c.get(ConfigKeys.SEARCH_MULTIPLE_ERRORS));
    assertEquals(50, c.get(ConfigKeys.SEARCH_DEPTH_LIMIT));
    assertEquals(1_000_000_000_000L, c.get(ConfigKeys.SEARCH_MAX_EXECUTIONS));
    assertEquals(Duration.ofMinutes(5), c.get(ConfigKeys.SEARCH_TIME_LIMIT));
    assertEquals(2, c.get(ConfigKeys.SEARCH_PREEMPTION_BOUND));
    assertEquals("exhaustive", c.get(ConfigKeys.SEARCH_STRATEGY));
    assertFalse(c.get(ConfigKeys.REPORT_CONSOLE_TRACE));
    assertEquals(dir.toAbsolutePath() + "/out.json", c.get(ConfigKeys.REPORT_JSON));
    assertEquals(new Expectation.Violation("lock-order"), c.get(ConfigKeys.EXPECT));
    assertEquals(at(2), c.origin("target.args").orElseThrow().toString());
    assertTrue(c.origin("search.strategy").isPresent());
    assertTrue(c.origin("report.html").isEmpty());
  }

  @Test
  void listSplittingAndAppends() {
    Config c = load("target = plain", "search.properties = deadlock,lock-order  use-after-free",
        "search.properties += uncaught-exception", "listener =", "+listener = tracer");
    assertEquals(List.of("deadlock", "lock-order", "use-after-free", "uncaught-exception"),
        c.get(ConfigKeys.SEARCH_PROPERTIES));
    assertEquals(List.of("tracer"), c.get(ConfigKeys.LISTENER));
  }

  @Test
  void overridesAreTyped() {
    Path f = TestFiles.write(dir, "x.jpf", "target = plain", "search.multiple_errors = false");
    Config c = loader.load(f, List.of("+search.multiple_errors=true", "+listener+=tracer"));
    assertTrue(c.get(ConfigKeys.SEARCH_MULTIPLE_ERRORS));
    assertTrue(c.origin("search.multiple_errors").orElseThrow().isCommandLine());
    assertEquals(List.of("tracer"), c.get(ConfigKeys.LISTENER));
    Config d = loader.load(null, List.of("+target=plain", "+search.depth_limit=7"));
    assertEquals(7, d.get(ConfigKeys.SEARCH_DEPTH_LIMIT));
  }

  @Test
  void unknownKeySuggestsNearestKeys() {
    ConfigException e = fails("target = plain", "", "", "search.max_execution = 3");
    assertEquals(at(4) + ": unknown key 'search.max_execution'; did you mean: "
        + "search.max_executions?", e.getMessage());
    ConfigException g = fails("target = plain", "search.dept_limt = 3");
    assertTrue(g.getMessage().contains("did you mean: search.depth_limit"), g.getMessage());
    ConfigException far = fails("target = plain", "zzz = 1");
    assertEquals(at(2) + ": unknown key 'zzz'", far.getMessage());
    assertTrue(far.hint().orElseThrow().startsWith("valid keys: target, target.args"));
  }

  @Test
  void unknownKeyOnCommandLine() {
    Path f = TestFiles.write(dir, "x.jpf", "target = plain");
    ConfigException e = assertThrows(ConfigException.class,
        () -> loader.load(f, List.of("+search.multiple_error=true")));
    assertEquals("command line: unknown key 'search.multiple_error'; did you mean: "
        + "search.multiple_errors?", e.getMessage());
  }

  @Test
  void badValues() {
    assertEquals(at(2) + ": search.time_limit: expected a duration like 30s, got 'soon'",
        fails("target = plain", "search.time_limit = soon").getMessage());
    assertEquals(at(2) + ": search.multiple_errors: expected true or false, got 'maybe'",
        fails("target = plain", "search.multiple_errors = maybe").getMessage());
    assertEquals(at(2) + ": search.depth_limit: expected a non-negative integer, got '-1'",
        fails("target = plain", "search.depth_limit = -1").getMessage());
    assertEquals(at(2) + ": search.max_executions: expected a non-negative integer, got 'lots'",
        fails("target = plain", "search.max_executions = lots").getMessage());
    assertEquals(at(2) + ": search.preemption_bound: expected an integer >= -1, got '-2'",
        fails("target = plain", "search.preemption_bound = -2").getMessage());
    assertEquals(at(2) + ": search.strategy: expected one of: dpor, source-dpor, exhaustive, got 'bfs'",
        fails("target = plain", "search.strategy = bfs").getMessage());
    ConfigException e = fails("target = plain", "expect = passes");
    assertEquals(at(2) + ": expect: expected one of 'verified', 'violation <property-name>', "
        + "'deadlock', 'bound', got 'passes'", e.getMessage());
    assertTrue(e.hint().isPresent());
  }

  @Test
  void unknownNamesComeFromTheResolver() {
    ConfigException e = fails("target = plain", "search.properties = deadlock dedlock");
    assertEquals(at(2) + ": unknown property 'dedlock'; available: deadlock, lock-order, "
        + "uncaught-exception, use-after-free", e.getMessage());
    assertEquals("did you mean deadlock?", e.hint().orElseThrow());
    assertEquals(at(2) + ": unknown listener 'tracr'; available: tracer",
        fails("target = plain", "listener = tracr").getMessage());
    assertEquals(at(2) + ": unknown property 'nope'; available: deadlock, lock-order, "
        + "uncaught-exception, use-after-free",
        fails("target = plain", "expect = violation nope").getMessage());
  }

  @Test
  void badAppendedElementPointsAtItsOwnLine() {
    Path f = TestFiles.write(dir, "x.jpf", "target = plain", "search.properties = deadlock");
    ConfigException e = assertThrows(ConfigException.class,
        () -> loader.load(f, List.of("+search.properties+=bogus")));
    assertTrue(e.getMessage().startsWith("command line: unknown property 'bogus'"), e.getMessage());
  }

  @Test
  void appendToNonListKeyIsAnError() {
    assertEquals(at(3) + ": search.depth_limit: += only works on list keys (this one is a int)",
        fails("target = plain", "search.depth_limit = 3", "search.depth_limit += 4").getMessage());
  }

  @Test
  void targetIsRequiredAndResolved() {
    ConfigException missing = fails("search.depth_limit = 3");
    assertEquals(Origin.display(dir.resolve("x.jpf")) + ": no target: 'target' is not set",
        missing.getMessage());
    assertTrue(missing.hint().orElseThrow().contains("available: mm, plain"));
    assertEquals(at(1) + ": unknown scenario 'plane'; available: mm, plain",
        fails("target = plane").getMessage());
    assertEquals(at(1) + ": target: expected a scenario name, got ''",
        fails("target =").getMessage());
    Config byClassName = load("target = " + Fixtures.Plain.class.getName());
    assertSame(Fixtures.Plain.class, byClassName.targetClass());
  }

  @Test
  void keysOutsideTheSchemaAreRejectedByGetters() {
    Config c = load("target = plain");
    Key<Integer> other = Key.nonNegativeInt("mm.threads", 2, "threads");
    assertThrows(IllegalArgumentException.class, () -> c.get(other));
  }
}
