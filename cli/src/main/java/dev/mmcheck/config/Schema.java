package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The set of keys a configuration may use: the built-in {@link ConfigKeys} plus the
 * {@link Namespace}s of the target scenario. Immutable; {@link #with} returns a new schema.
 */
public final class Schema {

  private final Map<String, Key<?>> keys;
  private final List<Namespace> namespaces;

  private Schema(Map<String, Key<?>> keys, List<Namespace> namespaces) {
    this.keys = keys;
    this.namespaces = List.copyOf(namespaces);
  }

  /** The built-in keys only. */
  public static Schema builtin() {
    Map<String, Key<?>> m = new LinkedHashMap<>();
    for (Key<?> k : ConfigKeys.ALL) {
      m.put(k.name(), k);
    }
    return new Schema(m, List.of());
  }

  /**
   * This schema plus {@code ns}.
   *
   * @throws IllegalArgumentException if a key is already defined or the prefix overlaps a built-in
   *     key or another namespace
   */
  public Schema with(Namespace ns) {
    for (Namespace other : namespaces) {
      if (other.prefix().startsWith(ns.prefix()) || ns.prefix().startsWith(other.prefix())) {
        throw new IllegalArgumentException(
            "namespace " + ns.prefix() + " overlaps " + other.prefix());
      }
    }
    for (String name : keys.keySet()) {
      if (ns.covers(name)) {
        throw new IllegalArgumentException("namespace " + ns.prefix() + " covers built-in " + name);
      }
    }
    Map<String, Key<?>> m = new LinkedHashMap<>(keys);
    for (Key<?> k : ns.keys()) {
      if (m.put(k.name(), k) != null) {
        throw new IllegalArgumentException("duplicate key " + k.name());
      }
    }
    List<Namespace> all = new ArrayList<>(namespaces);
    all.add(ns);
    return new Schema(m, all);
  }

  /** The declared key named {@code name}, if any. */
  public Optional<Key<?>> key(String name) {
    return Optional.ofNullable(keys.get(name));
  }

  /** All declared keys: built-ins in {@link ConfigKeys#ALL} order, then namespace keys. */
  public List<Key<?>> keys() {
    return List.copyOf(keys.values());
  }

  /** The registered namespaces, in registration order. */
  public List<Namespace> namespaces() {
    return namespaces;
  }

  /** Whether {@code name} is undeclared but allowed because it is under an open namespace. */
  public boolean isOpen(String name) {
    return !keys.containsKey(name)
        && namespaces.stream().anyMatch(ns -> ns.open() && ns.covers(name));
  }

  /**
   * The error for an unknown key: nearest valid keys by edit distance, e.g. {@code unknown key
   * 'search.max_execution'; did you mean: search.max_executions?}.
   */
  ConfigException unknownKey(String name, Origin origin) {
    List<String> close = Suggestions.closest(name, keys.keySet(), 3);
    String detail = "unknown key '" + name + "'"
        + (close.isEmpty() ? "" : "; did you mean: " + String.join(", ", close) + "?");
    Optional<Namespace> ns = namespaces.stream().filter(n -> n.covers(name)).findFirst();
    String hint = ns.map(n -> "the scenario accepts under " + n.prefix() + ": "
            + String.join(", ", n.keys().stream().map(Key::name).toList()))
        .orElse("valid keys: " + String.join(", ", keys.keySet()));
    return new ConfigException(origin, detail, hint);
  }
}
