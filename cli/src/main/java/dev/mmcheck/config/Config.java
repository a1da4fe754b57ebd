package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated, typed configuration: every key is known to the {@link Schema}, every value parsed,
 * every name resolved. Immutable and thread-safe.
 */
public final class Config {

  private final RawConfig raw;
  private final Schema schema;
  private final Class<?> targetClass;
  /** Set keys -> typed value (or the raw text for undeclared keys of open namespaces). */
  private final Map<String, Object> values;

  private Config(RawConfig raw, Schema schema, Class<?> targetClass, Map<String, Object> values) {
    this.raw = raw;
    this.schema = schema;
    this.targetClass = targetClass;
    this.values = Collections.unmodifiableMap(values);
  }

  /**
   * Validates {@code raw} against {@code schema}: unknown keys, ill-typed values, {@code +=} on
   * non-list keys, unknown names (checked with {@code resolver}; defaults are not checked) and a
   * missing {@code target} are errors. Keys are checked in the order they were first written.
   *
   * @throws ConfigException for the first problem, with its file and line
   */
  public static Config validate(RawConfig raw, Schema schema, NameResolver resolver) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RawValue rv : raw.values().values()) {
      Optional<Key<?>> key = schema.key(rv.key());
      if (key.isEmpty()) {
        if (!schema.isOpen(rv.key())) {
          throw schema.unknownKey(rv.key(), rv.segments().get(0).origin());
        }
        values.put(rv.key(), rv.text());
      } else {
        values.put(rv.key(), typed(key.get(), rv, resolver));
      }
    }
    return new Config(raw, schema, resolveTarget(raw, resolver), values);
  }

  /**
   * The scenario class named by {@code target}; used before validation to find the scenario's
   * namespaces.
   *
   * @throws ConfigException if {@code target} is missing or not a known scenario
   */
  static Class<?> resolveTarget(RawConfig raw, NameResolver resolver) {
    RawValue rv = raw.get(ConfigKeys.TARGET.name()).orElseThrow(() -> new ConfigException(
        raw.origin(), "no target: 'target' is not set",
        "add 'target = <scenario>' to the .jpf file or pass +target=<scenario>"
            + (resolver.names(NameResolver.SCENARIO).isEmpty() ? ""
                : "; available: " + String.join(", ", resolver.names(NameResolver.SCENARIO)))));
    String name = (String) typed(ConfigKeys.TARGET, rv, resolver); // checks the name
    return resolver.resolve(NameResolver.SCENARIO, name);
  }

  private static <T> Object typed(Key<T> key, RawValue rv, NameResolver resolver) {
    List<RawValue.Segment> segs = rv.segments();
    if (!(key.type() instanceof ListType list)) {
      if (segs.size() > 1) {
        throw new ConfigException(segs.get(1).origin(),
            key.name() + ": += only works on list keys (this one is a " + key.type().describe()
                + ")", "use '" + key.name() + " = value' to replace the value");
      }
      return parse(key, key.type(), rv.text(), rv.origin(), resolver);
    }
    List<String> all = new ArrayList<>();
    for (RawValue.Segment s : segs) {
      all.addAll(parse(key, list, s.text(), s.origin(), resolver));
    }
    return List.copyOf(all);
  }

  private static <T> T parse(Key<?> key, ValueType<T> type, String text, Origin origin,
      NameResolver resolver) {
    T value;
    try {
      value = type.parse(text);
    } catch (BadValueException e) {
      throw new ConfigException(origin,
          key.name() + ": expected " + e.expected() + ", got '" + text + "'", key.description());
    }
    try {
      type.checkNames(value, resolver);
    } catch (ConfigException e) {
      throw e.at(origin);
    }
    return value;
  }

  /**
   * The value of {@code key}: as set, else its default.
   *
   * @throws IllegalArgumentException if {@code key} is not in this configuration's schema
   * @throws ConfigException if the key is unset and has no default
   */
  public <T> T get(Key<T> key) {
    return find(key).orElseThrow(() -> new ConfigException(raw.origin(),
        "missing required key '" + key.name() + "'", key.description()));
  }

  /**
   * The value of {@code key} as set, else its default, else empty. List values are immutable.
   *
   * @param key a key of this configuration's schema: a {@link ConfigKeys} constant or the very
   *     {@link Key} object a scenario put in its {@link Namespace}
   * @throws IllegalArgumentException if {@code key} is not in this configuration's schema
   */
  public <T> Optional<T> find(Key<T> key) {
    if (!schema.key(key.name()).map(key::equals).orElse(false)) {
      throw new IllegalArgumentException("key not in schema: " + key.name());
    }
    @SuppressWarnings("unchecked") // values.get(name) was produced by key.type()
    T v = (T) values.get(key.name());
    return v != null ? Optional.of(v) : key.defaultOf();
  }

  /** Whether {@code name} was set in a file or on the command line (not just defaulted). */
  public boolean isSet(String name) {
    return values.containsKey(name);
  }

  /** Where {@code name} was last set; empty if not set. */
  public Optional<Origin> origin(String name) {
    return raw.get(name).map(RawValue::origin);
  }

  /**
   * Where {@code element} was written in the list key {@code name}: the origin of the last
   * segment (line) whose text holds it as an element; else where the key was last set; empty if
   * the key is not set (the element came from its default).
   */
  public Optional<Origin> origin(String name, String element) {
    Optional<RawValue> rv = raw.get(name);
    if (rv.isEmpty()) {
      return Optional.empty();
    }
    Optional<Key<?>> key = schema.key(name);
    if (key.isPresent() && key.get().type() instanceof ListType list) {
      List<RawValue.Segment> segs = rv.get().segments();
      for (int i = segs.size() - 1; i >= 0; i--) {
        if (list.parse(segs.get(i).text()).contains(element)) {
          return Optional.of(segs.get(i).origin());
        }
      }
    }
    return Optional.of(rv.get().origin());
  }

  /** The text of a set key, including undeclared keys of open namespaces; empty if not set. */
  public Optional<String> raw(String name) {
    return raw.get(name).map(RawValue::text);
  }

  /** The resolved class of {@code target}. */
  public Class<?> targetClass() {
    return targetClass;
  }

  /** The {@code expect} value, if set. */
  public Optional<Expectation> expectation() {
    return find(ConfigKeys.EXPECT);
  }

  public Schema schema() {
    return schema;
  }

  /** The unvalidated values this was built from. */
  public RawConfig rawConfig() {
    return raw;
  }

  /**
   * The effective configuration as {@code key = value   # origin} lines: declared keys in schema
   * order (built-ins, then scenario keys), then undeclared open-namespace keys in file order.
   * Unset keys are shown with {@code # default} when {@code withDefaults}, and omitted when they
   * have no default. Origins are {@code file:line}, {@code command line} or a comma list when a list
   * was built by appends.
   *
   * @return immutable list of lines, without line separators
   */
  public List<String> effectiveLines(boolean withDefaults) {
    List<String[]> rows = new ArrayList<>();
    for (Key<?> k : schema.keys()) {
      row(rows, k, withDefaults);
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      if (schema.key(e.getKey()).isEmpty()) {
        rows.add(new String[] {e.getKey() + " = " + e.getValue(), raw.get(e.getKey())
            .orElseThrow().origins()});
      }
    }
    int width = 0;
    for (String[] r : rows) {
      width = Math.max(width, Math.min(r[0].length(), 60));
    }
    List<String> out = new ArrayList<>();
    for (String[] r : rows) {
      out.add(String.format("%-" + width + "s   # %s", r[0], r[1]).stripTrailing());
    }
    return List.copyOf(out);
  }

  private <T> void row(List<String[]> rows, Key<T> k, boolean withDefaults) {
    boolean set = values.containsKey(k.name());
    if (!set && (!withDefaults || k.defaultValue() == null)) {
      return;
    }
    T v = find(k).orElseThrow();
    String origin = set ? raw.get(k.name()).orElseThrow().origins() : Origin.defaults().toString();
    rows.add(new String[] {(k.name() + " = " + k.type().format(v)).strip(), origin});
  }

  /** {@link #effectiveLines} with defaults, joined with newlines (ending with one). */
  public String render() {
    StringBuilder sb = new StringBuilder();
    for (String line : effectiveLines(true)) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "Config" + values;
  }
}
