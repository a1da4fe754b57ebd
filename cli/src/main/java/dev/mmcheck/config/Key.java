package dev.mmcheck.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A documented, typed configuration key.
 *
 * @param name the key as written in {@code .jpf} files, e.g. {@code search.time_limit}
 * @param type how its text is parsed
 * @param defaultValue the value when not set, or {@code null} if the key has no default (then
 *     {@link Config#get} fails for it when unset and {@link Config#find} is empty)
 * @param description one line, for {@code --help} and documentation
 * @param <T> the value type
 */
public record Key<T>(String name, ValueType<T> type, T defaultValue, String description) {

  public Key {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(description, "description");
    if (!CommandLineOverride.KEY.matcher(name).matches()) {
      throw new IllegalArgumentException("bad key name: " + name);
    }
  }

  /** The default, if any. */
  public Optional<T> defaultOf() {
    return Optional.ofNullable(defaultValue);
  }

  /** Whether values are lists (and so may be appended to with {@code +=}). */
  public boolean isList() {
    return type instanceof ListType;
  }

  public static Key<Boolean> bool(String name, boolean def, String description) {
    return new Key<>(name, ValueTypes.bool(), def, description);
  }

  public static Key<Integer> nonNegativeInt(String name, int def, String description) {
    return new Key<>(name, ValueTypes.nonNegativeInt(), def, description);
  }

  public static Key<Long> nonNegativeLong(String name, long def, String description) {
    return new Key<>(name, ValueTypes.nonNegativeLong(), def, description);
  }

  public static Key<Duration> duration(String name, Duration def, String description) {
    return new Key<>(name, ValueTypes.duration(), def, description);
  }

  /** A string key; {@code def} may be {@code null} for "no default". */
  public static Key<String> string(String name, String def, String description) {
    return new Key<>(name, ValueTypes.string(), def, description);
  }

  public static Key<List<String>> list(String name, List<String> def, String description) {
    return new Key<>(name, ValueTypes.list(), List.copyOf(def), description);
  }

  /** A choice key; {@code def} must be one of {@code choices}. */
  public static Key<String> choice(String name, String def, String description, String... choices) {
    if (!List.of(choices).contains(def)) {
      throw new IllegalArgumentException(def + " is not one of the choices of " + name);
    }
    return new Key<>(name, ValueTypes.choice(choices), def, description);
  }

  @Override
  public String toString() {
    return name + " (" + type.describe() + ")";
  }
}
