package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing and formatting of the built-in value types and {@link Expectation}. */
class ValueTypesTest {

  @Test
  void durations() throws BadValueException {
    ValueType<Duration> d = ValueTypes.duration();
    assertEquals(Duration.ofSeconds(30), d.parse("30s"));
    assertEquals(Duration.ofSeconds(30), d.parse("30"));
    assertEquals(Duration.ofMinutes(5), d.parse("5m"));
    assertEquals(Duration.ofHours(1), d.parse("1H"));
    assertEquals(Duration.ofMillis(250), d.parse("250ms"));
    assertEquals(Duration.ofDays(2), d.parse("2d"));
    assertEquals(Duration.ZERO, d.parse("0"));
    for (String bad : List.of("soon", "", "-1s", "1.5s", "5 min", "99999999999999999999s")) {
      assertEquals("a duration like 30s",
          assertThrows(BadValueException.class, () -> d.parse(bad), bad).expected());
    }
    for (String s : List.of("250ms", "30s", "5m", "1h", "0s", "90s")) {
      assertEquals(s, d.format(d.parse(s)));
    }
  }

  @Test
  void booleans() throws BadValueException {
    ValueType<Boolean> b = ValueTypes.bool();
    for (String t : List.of("true", "TRUE", "yes", "on")) {
      assertEquals(true, b.parse(t));
    }
    for (String f : List.of("false", "No", "off")) {
      assertEquals(false, b.parse(f));
    }
    assertThrows(BadValueException.class, () -> b.parse("1"));
  }

  @Test
  void integers() throws BadValueException {
    assertEquals(0, ValueTypes.nonNegativeInt().parse("0"));
    assertThrows(BadValueException.class, () -> ValueTypes.nonNegativeInt().parse("3000000000"));
    assertThrows(BadValueException.class, () -> ValueTypes.nonNegativeInt().parse("1e3"));
    assertEquals(-1, ValueTypes.intAtLeast(-1).parse("-1"));
    assertEquals(3_000_000_000L, ValueTypes.nonNegativeLong().parse("3000000000"));
    assertThrows(BadValueException.class, () -> ValueTypes.nonNegativeLong().parse("-5"));
  }

  @Test
  void lists() {
    assertEquals(List.of("a", "b", "c"), ValueTypes.list().parse("a, b c"));
    assertEquals(List.of("a", "b"), ValueTypes.list().parse(" ,a,,\tb , "));
    assertEquals(List.of(), ValueTypes.list().parse(""));
    assertEquals(List.of("a b", "c"), ValueTypes.commaList().parse("a b , c,"));
    assertEquals("a, b", ValueTypes.list().format(List.of("a", "b")));
  }

  @Test
  void expectations() throws BadValueException {
    assertEquals(new Expectation.Verified(), Expectation.parse("verified"));
    assertEquals(new Expectation.Deadlock(), Expectation.parse("Deadlock"));
    assertEquals(new Expectation.BoundReached(), Expectation.parse("bound"));
    assertEquals(new Expectation.Violation("use-after-free"),
        Expectation.parse("violation   use-after-free"));
    assertEquals("violation use-after-free", new Expectation.Violation("use-after-free").toString());
    for (String bad : List.of("", "violation", "violation a b", "verified twice", "ok")) {
      BadValueException e = assertThrows(BadValueException.class, () -> Expectation.parse(bad));
      assertEquals("one of " + Expectation.FORMS, e.expected());
    }
  }

  @Test
  void classNames() throws BadValueException {
    assertEquals("a.b.C", ValueTypes.className("scenario").parse("a.b.C"));
    assertThrows(BadValueException.class, () -> ValueTypes.className("scenario").parse("a b"));
  }

  @Test
  void keysValidateTheirDefinition() {
    assertThrows(IllegalArgumentException.class, () -> Key.choice("k", "x", "d", "a", "b"));
    assertThrows(IllegalArgumentException.class, () -> Key.bool("bad key", true, "d"));
  }
}
