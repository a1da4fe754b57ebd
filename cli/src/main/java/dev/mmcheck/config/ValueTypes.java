package dev.mmcheck.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built-in {@link ValueType}s. All returned types are immutable and stateless. */
public final class ValueTypes {

  private ValueTypes() {}

  /** {@code true/false} (also {@code yes/no}, {@code on/off}), case-insensitive. */
  public static ValueType<Boolean> bool() {
    return new Simple<>("boolean", "true or false", Object::toString) {
      @Override
      public Boolean parse(String text) throws BadValueException {
        return switch (text.toLowerCase(Locale.ROOT)) {
          case "true", "yes", "on" -> true;
          case "false", "no", "off" -> false;
          default -> throw bad();
        };
      }
    };
  }

  /** An {@code int} that is {@code >= min}. */
  public static ValueType<Integer> intAtLeast(int min) {
    String expected = min == 0 ? "a non-negative integer" : min == Integer.MIN_VALUE ? "an integer"
        : "an integer >= " + min;
    return new Simple<>("int", expected, Object::toString) {
      @Override
      public Integer parse(String text) throws BadValueException {
        try {
          int v = Integer.parseInt(text);
          if (v >= min) {
            return v;
          }
        } catch (NumberFormatException e) {
          // fall through
        }
        throw bad();
      }
    };
  }

  /** A non-negative {@code int}. */
  public static ValueType<Integer> nonNegativeInt() {
    return intAtLeast(0);
  }

  /** A non-negative {@code long}. */
  public static ValueType<Long> nonNegativeLong() {
    return new Simple<>("long", "a non-negative integer", Object::toString) {
      @Override
      public Long parse(String text) throws BadValueException {
        try {
          long v = Long.parseLong(text);
          if (v >= 0) {
            return v;
          }
        } catch (NumberFormatException e) {
          // fall through
        }
        throw bad();
      }
    };
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");

  /**
   * A non-negative duration: a number with unit {@code ms}, {@code s}, {@code m}, {@code h} or
   * {@code d}; a plain number is seconds ({@code 0} is typically "none").
   */
  public static ValueType<Duration> duration() {
    return new Simple<Duration>("duration", "a duration like 30s", ValueTypes::formatDuration) {
      @Override
      public Duration parse(String text) throws BadValueException {
        Matcher m = DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
          throw bad();
        }
        try {
          long n = Long.parseLong(m.group(1));
          String unit = m.group(2) == null ? "s" : m.group(2);
          return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
          };
        } catch (ArithmeticException | NumberFormatException e) {
          throw bad();
        }
      }
    };
  }

  static String formatDuration(Duration d) {
    long ms = d.toMillis();
    if (ms % 1000 != 0) {
      return ms + "ms";
    }
    long s = ms / 1000;
    if (s != 0 && s % 3600 == 0) {
      return s / 3600 + "h";
    }
    if (s != 0 && s % 60 == 0) {
      return s / 60 + "m";
    }
    return s + "s";
  }

  /** Any text (may be empty). */
  public static ValueType<String> string() {
    return new Simple<>("string", "text", s -> s) {
      @Override
      public String parse(String text) {
        return text;
      }
    };
  }

  /** One of {@code choices} (exact, case-sensitive). */
  public static ValueType<String> choice(String... choices) {
    List<String> allowed = List.of(choices);
    return new Simple<>("one of: " + String.join(", ", allowed),
        "one of: " + String.join(", ", allowed), s -> s) {
      @Override
      public String parse(String text) throws BadValueException {
        if (!allowed.contains(text)) {
          throw bad();
        }
        return text;
      }
    };
  }

  /**
   * A single class, by short name or fully qualified name, checked against the {@link NameResolver}
   * for {@code kind}. The value is the name as written; resolve it to a class with the resolver.
   */
  public static ValueType<String> className(String kind) {
    return new Simple<>(kind + " name", "a " + kind + " name", s -> s) {
      @Override
      public String parse(String text) throws BadValueException {
        if (text.isEmpty() || text.chars().anyMatch(Character::isWhitespace)) {
          throw bad();
        }
        return text;
      }

      @Override
      public void checkNames(String value, NameResolver resolver) {
        resolver.resolve(kind, value);
      }
    };
  }

  /** Any {@code int}. */
  public static ValueType<Integer> integer() {
    return intAtLeast(Integer.MIN_VALUE);
  }

  /** Any {@code long}. */
  public static ValueType<Long> longInteger() {
    return new Simple<>("long", "an integer", Object::toString) {
      @Override
      public Long parse(String text) throws BadValueException {
        try {
          return Long.parseLong(text);
        } catch (NumberFormatException e) {
          throw bad();
        }
      }
    };
  }

  /** Paths separated by {@code ,}, {@code ;} or {@code :} (not blanks: a path may hold one). */
  public static ListType pathList() {
    return new ListType(ListType.PATH_SEPARATORS, null, "path list, separated by , ; or :");
  }

  /** A list separated by commas and/or blanks. */
  public static ListType list() {
    return new ListType(false, null);
  }

  /** A list separated by commas only; elements may contain blanks. */
  public static ListType commaList() {
    return new ListType(true, null);
  }

  /** A list of names of {@code kind} (e.g. properties, listeners), checked by the resolver. */
  public static ListType names(String kind) {
    return new ListType(false, kind);
  }

  /** An {@link Expectation}; a violated property's name is checked by the resolver. */
  public static ValueType<Expectation> expectation() {
    return new Simple<>("expectation", "one of " + Expectation.FORMS, Object::toString) {
      @Override
      public Expectation parse(String text) throws BadValueException {
        return Expectation.parse(text);
      }

      @Override
      public void checkNames(Expectation value, NameResolver resolver) {
        if (value instanceof Expectation.Violation v) {
          resolver.resolve(NameResolver.PROPERTY, v.property());
        }
      }
    };
  }

  /** Shared plumbing: a name, an "expected ..." text and a formatter. */
  private abstract static class Simple<T> implements ValueType<T> {
    private final String name;
    private final String expected;
    private final java.util.function.Function<T, String> formatter;

    Simple(String name, String expected, java.util.function.Function<T, String> formatter) {
      this.name = name;
      this.expected = expected;
      this.formatter = formatter;
    }

    BadValueException bad() {
      return new BadValueException(expected);
    }

    @Override
    public String format(T value) {
      return formatter.apply(value);
    }

    @Override
    public String describe() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
