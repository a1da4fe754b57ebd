package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code classpath} key end to end, as a user meets it: classes compiled into a folder (and a
 * jar) that is not on the test's class path ({@code src/test/resources/usercode}), reached only
 * through a config; a class named by its class name with {@code @Param} keys; a user
 * {@code Catalog} with short names; and every kind of bad input, each exit 2 with a message that
 * names the entry or class.
 */
class UserClasspathTest {
  @TempDir
  static Path tmp;

  static Path classes;
  static Path jar;

  @BeforeAll
  static void compileTheUsersCode() throws IOException {
    Map<String, String> sources = new LinkedHashMap<>();
    Path src = Path.of("src/test/resources/usercode");
    try (Stream<Path> s = Files.walk(src)) {
      for (Path f : s.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
        sources.put(src.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
      }
    }
    classes = UserCode.compile(tmp.resolve("user/classes"), sources,
        Map.of("dev.mmcheck.engine.Catalog", "# the user's catalog\ncom.example.ExampleCatalog\n"));
    jar = UserCode.jar(classes, tmp.resolve("user/user.jar"));
  }

  private static Path config(String name, String... lines) {
    try {
      Path f = tmp.resolve(name);
      Files.createDirectories(f.getParent());
      return Files.writeString(f, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aClassNamedPropertyWithParamKeysLoadsFromAClassFolderRelativeToTheConfig() {
    Path f = config("cfg/watch.jpf", "classpath = ../user/classes", "target = abba-ordered",
        "search.properties = com.example.OpWatch", "op-watch.op = mutex_lock", "op-watch.times = 2",
        "expect = violation com.example.OpWatch");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("op-watch \"mutex_lock(B) ran 2 time(s)\""), r.toString());
    assertTrue(r.out().contains("[expect violation com.example.OpWatch: ok]"), r.toString());
    assertTrue(r.out().contains("op-watch.times = 2"), "typed key in the effective config\n" + r);
    assertTrue(r.out().contains("op-watch.who = ANY"), "defaults shown\n" + r);
  }

  @Test
  void aClassNamedScenarioGetsItsRecordComponentsAsKeys() {
    Path f = config("cfg/ring.jpf", "classpath = ../user/user.jar", "target = com.example.Ring", "ring.n = 3",
        "search.properties = deadlock", "expect = deadlock");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("com.example.Ring: Ring[3]"), "the scenario got n = 3\n" + r);
    assertTrue(r.out().contains("[expect deadlock: ok]"), r.toString());
    Cli.Run ordered = Cli.run(f.toString(), "+ring.ordered=true", "+expect=verified");
    assertEquals(0, ordered.code(), ordered.toString());
    Cli.Run bad = Cli.run(f.toString(), "+ring.n=three");
    assertEquals(2, bad.code(), bad.toString());
    assertTrue(bad.err().contains("command line: ring.n: expected an integer, got 'three'"), bad.toString());
    Cli.Run keys = Cli.run("keys", f.toString());
    assertTrue(keys.out().contains("keys of scenario com.example.Ring (" + f + "):\n  ring.n = 2   (int)\n"
        + "      threads and locks\n  ring.ordered = false   (boolean)\n"), keys.toString());
  }

  @Test
  void paramKeysAreTypedAndCheckedAtTheirLine() {
    Path f = config("cfg/typed.jpf", "classpath = ../user/classes", "target = abba-ordered",
        "search.properties = com.example.OpWatch", "op-watch.op = mutex_lock", "op-watch.who = T3");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(f + ":5: op-watch.who: expected one of: ANY, T1, T2, got 'T3'"), r.toString());

    Path g = config("cfg/typed2.jpf", "classpath = ../user/classes", "target = abba-ordered",
        "search.properties = com.example.OpWatch", "op-watch.op = mutex_lock", "op-watch.time = 2");
    r = Cli.run(g.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(g + ":5: unknown key 'op-watch.time'; did you mean: op-watch.times"), r.toString());
  }

  @Test
  void aParamWithoutDefaultMustBeSet() {
    Path f = config("cfg/required.jpf", "classpath = ../user/classes", "target = abba-ordered",
        "search.properties += com.example.OpWatch");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains(f + ":3: com.example.OpWatch needs 'op-watch.op' (operation to watch"), r.toString());
  }

  @Test
  void aUserCatalogInAJarGivesShortNamesParametersAndExpect() {
    Path f = config("cfg/catalog.jpf", "classpath = ${config_path}/../user/user.jar", "target = two-lockers",
        "two.crossed = true", "search.properties = deadlock", "expect = deadlock");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[expect deadlock: ok]"), r.toString());

    Path g = config("cfg/catalog2.jpf", "classpath = ../user/user.jar", "target = two-lockers",
        "search.properties = second-lock", "expect = violation second-lock");
    r = Cli.run(g.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[expect violation second-lock: ok]"), r.toString());
  }

  @Test
  void listAndKeysShowTheUsersNamesAndKeys() {
    Path f = config("cfg/list.jpf", "classpath = ../user/user.jar", "target = two-lockers",
        "search.properties += com.example.OpWatch");
    Cli.Run list = Cli.run("list", f.toString());
    assertEquals(0, list.code(), list.toString());
    assertTrue(list.out().contains("  two-lockers "), list.toString());
    assertTrue(list.out().contains("two.crossed = false   t2 takes B first (false, true)"), list.toString());
    assertTrue(list.out().contains("  second-lock "), list.toString());
    Cli.Run without = Cli.run("list");
    assertFalse(without.out().contains("two-lockers"), without.toString());

    Cli.Run keys = Cli.run("keys", f.toString());
    assertEquals(0, keys.code(), keys.toString());
    assertTrue(keys.out().contains("keys of scenario two-lockers (" + f + "):\n  two.crossed = false   (one of: false,"
        + " true)"), keys.toString());
    assertTrue(keys.out().contains("keys of property com.example.OpWatch (" + f + "):\n"
        + "  op-watch.op =    (string)\n      operation to watch, e.g. mutex_lock\n"
        + "  op-watch.object = B   (string)\n"), keys.toString());
    assertTrue(keys.out().contains("  op-watch.times = 1   (int)\n"), keys.toString());
    assertTrue(keys.out().contains("  op-watch.who = ANY   (one of: ANY, T1, T2)\n"), keys.toString());
  }

  @Test
  void commandLineClasspathIsRelativeToTheWorkingFolder() {
    String rel = Path.of("").toAbsolutePath().relativize(classes).toString();
    Cli.Run r = Cli.run("+classpath=" + rel, "+target=abba", "+search.properties=com.example.OpWatch",
        "+op-watch.op=mutex_lock", "+op-watch.who=T2");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("op-watch \"mutex_lock("), r.toString());
  }

  @Test
  void classpathInAnIncludedFileIsRelativeToThatFile() {
    config("base/user.jpf", "classpath = ../user/classes");
    Path f = config("cfg/deep/inc.jpf", "@include = ../../base/user.jpf", "target = abba-ordered",
        "search.properties = com.example.SecondLock", "expect = violation second-lock");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("[expect violation second-lock: ok]"), r.toString());
  }

  @Test
  void aClassNotFoundNamesTheClassTheLineAndTheClasspathSearched() {
    Path f = config("cfg/missing.jpf", "classpath = ../user/classes", "target = abba",
        "search.properties = deadlock, com.example.NoSuchProperty");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":3: class com.example.NoSuchProperty not found"), r.toString());
    assertTrue(r.err().contains("searched: classpath " + classes + " (" + f + ":1), then mmcheck's own jars"),
        r.toString());
    Cli.Run none = Cli.run("+target=abba", "+search.properties=com.example.OpWatch");
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("class com.example.OpWatch not found (a property name with a dot is a class name);"
        + " searched: mmcheck's own class path (no 'classpath' key set)"), none.toString());
    assertTrue(none.err().contains("hint: put the folder or jar that holds it in the 'classpath' key"), none.toString());
  }

  @Test
  void aMissingEntryOrAFileThatIsNoJarIsAnErrorAtItsLine() throws IOException {
    Path f = config("cfg/noentry.jpf", "target = abba", "classpath = ../user/classes, ../nowhere/classes");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":2: classpath entry '../nowhere/classes' does not exist (looked for "
        + tmp.resolve("nowhere/classes") + ")"), r.toString());

    Files.writeString(tmp.resolve("user/notes.jar"), "not a zip", StandardCharsets.UTF_8);
    Path g = config("cfg/nojar.jpf", "target = abba", "classpath = ../user/notes.jar");
    r = Cli.run(g.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + g + ":2: classpath entry '../user/notes.jar' is not a jar ("), r.toString());
    assertTrue(r.err().contains("expected a jar or a folder of .class files"), r.toString());
  }

  @Test
  void classesThatCannotBeUsedSayWhatWasExpected() {
    assertBad("com.example.Broken$NotAProperty", "class com.example.Broken$NotAProperty is not a property: expected"
        + " a class implementing dev.mmcheck.engine.Property");
    assertBad("com.example.Broken$NeedsAnInt", "cannot create property com.example.Broken$NeedsAnInt: it has no"
        + " usable public constructor");
    assertBad("com.example.Broken$Abstract", "cannot create property com.example.Broken$Abstract: it is abstract");
    assertBad("com.example.Broken$BadParamType", "@Param(\"when\") of com.example.Broken$BadParamType has type"
        + " java.util.Date, which a config cannot give");
    assertBad("com.example.Broken$Throws", "cannot create property com.example.Broken$Throws:"
        + " java.lang.IllegalStateException: not today");
    Cli.Run r = Cli.run("+classpath=" + classes, "+target=com.example.OpWatch");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("class com.example.OpWatch is not a scenario: expected a class implementing"
        + " dev.mmcheck.engine.Scenario"), r.toString());
  }

  private static void assertBad(String cls, String message) {
    Path f = config("cfg/bad.jpf", "classpath = ../user/classes", "target = abba", "search.properties = " + cls);
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":3: " + message), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
  }

  @Test
  void replayFindsTheUsersClassesThroughTheSavedAbsoluteClasspath() throws IOException {
    Path json = tmp.resolve("out/watch.json");
    Path f = config("cfg/replay.jpf", "classpath = ../user/classes", "target = abba-ordered",
        "search.properties = com.example.OpWatch", "op-watch.op = mutex_lock", "report.json = " + json);
    Cli.Run r = Cli.run(f.toString());
    assertEquals(1, r.code(), r.toString());
    String saved = Files.readString(json, StandardCharsets.UTF_8);
    assertTrue(saved.contains(classes.toString()), "absolute classpath in the meta\n" + saved);
    Cli.Run replay = Cli.run("replay", json.toString());
    assertEquals(1, replay.code(), replay.toString());
    assertTrue(replay.out().contains("replay reproduced the saved violation: op-watch"), replay.toString());
  }

  @Test
  void classpathEntriesSplitOnCommaSemicolonAndColonAndDirStarIsItsJars() {
    Path lib = tmp.resolve("lib");
    try {
      Files.createDirectories(lib);
      Files.copy(jar, lib.resolve("user.jar"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path f = config("cfg/seps.jpf", "classpath = ../user/classes;../user/user.jar:../lib/*", "target = two-lockers");
    UserClasspath cp = UserClasspath.of(dev.mmcheck.config.JpfParser.parse(f));
    assertEquals(List.of(classes, jar, lib.resolve("user.jar")), cp.paths());
    Path g = config("cfg/nojars.jpf", "classpath = ../cfg/*", "target = two-lockers");
    dev.mmcheck.config.ConfigException e = assertThrows(dev.mmcheck.config.ConfigException.class,
        () -> UserClasspath.of(dev.mmcheck.config.JpfParser.parse(g)));
    assertTrue(e.getMessage().contains("matches no jar"), e.getMessage());
  }
}
