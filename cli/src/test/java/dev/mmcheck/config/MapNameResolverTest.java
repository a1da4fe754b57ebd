package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MapNameResolverTest {

  @Test
  void shortAndQualifiedNames() {
    MapNameResolver r = Fixtures.resolver();
    assertSame(Fixtures.Tracer.class, r.resolve(NameResolver.LISTENER, "tracer"));
    assertSame(Fixtures.Tracer.class,
        r.resolve(NameResolver.LISTENER, Fixtures.Tracer.class.getName()));
    assertEquals(Set.of("tracer"), r.names(NameResolver.LISTENER));
    assertTrue(r.names("nothing").isEmpty());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> Fixtures.resolver().resolve(NameResolver.PROPERTY, "dedlock"));
    assertEquals("unknown property 'dedlock'; available: deadlock, lock-order, "
        + "uncaught-exception, use-after-free", e.getMessage());
    assertTrue(e.origin().isEmpty());
    assertEquals("did you mean deadlock?", e.hint().orElseThrow());
    assertEquals("unknown listener 'x'; none are available",
        assertThrows(ConfigException.class, () -> new MapNameResolver().resolve("listener", "x"))
            .getMessage());
  }

  @Test
  void qualifiedNamesOfDeclaredSupertypeLoad() {
    MapNameResolver r = new MapNameResolver().kind("listener", List.class);
    assertSame(java.util.ArrayList.class, r.resolve("listener", "java.util.ArrayList"));
    assertEquals("class java.lang.String is not a listener: expected a class implementing java.util.List",
        assertThrows(ConfigException.class, () -> r.resolve("listener", "java.lang.String"))
            .getMessage());
    ConfigException missing = assertThrows(ConfigException.class, () -> r.resolve("listener", "no.such.Clazz"));
    assertEquals("class no.such.Clazz not found (a listener name with a dot is a class name); searched:"
        + " mmcheck's own class path (no 'classpath' key set)", missing.getMessage());
    assertTrue(missing.hint().orElseThrow().contains("'classpath' key"), missing.format());
  }

  @Test
  void qualifiedNamesLoadThroughTheGivenLoaderAndNameWhatWasSearched() {
    ClassLoader empty = new ClassLoader(null) {};
    MapNameResolver r = new MapNameResolver().kind("listener", List.class)
        .classLoader(empty, "classpath /x/classes (a.jpf:3), then mmcheck's own jars");
    ConfigException e = assertThrows(ConfigException.class, () -> r.resolve("listener", "com.example.Mine"));
    assertEquals("class com.example.Mine not found (a listener name with a dot is a class name); searched:"
        + " classpath /x/classes (a.jpf:3), then mmcheck's own jars", e.getMessage());
  }

  @Test
  void originIsAttachedOnce() {
    ConfigException e = new ConfigException(null, "boom", "fix");
    ConfigException at = e.at(Origin.commandLine());
    assertEquals("command line: boom", at.getMessage());
    assertSame(at, at.at(Origin.defaults()));
    assertEquals("error: command line: boom" + System.lineSeparator() + "  hint: fix", at.format());
  }
}
