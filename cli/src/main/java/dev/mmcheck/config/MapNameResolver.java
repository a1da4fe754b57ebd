package dev.mmcheck.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A {@link NameResolver} backed by maps: register {@code (kind, short name) -> class}; a name
 * resolves if it is a registered short name or the fully qualified name of a registered class. If a
 * supertype was declared for the kind ({@link #kind}), any other fully qualified name of a loadable
 * class of that supertype resolves too (like JPF's {@code listener=gov.nasa...}).
 *
 * <p>Mutable while being set up; not thread-safe. Register everything before resolving concurrently.
 */
public final class MapNameResolver implements NameResolver {

  private final Map<String, Map<String, Class<?>>> byKind = new HashMap<>();
  private final Map<String, Class<?>> supertypes = new HashMap<>();
  private ClassLoader loader;
  private String searched;

  /**
   * Loads fully qualified names through {@code loader} instead of the supertype's loader, and
   * names {@code searched} (e.g. the classpath entries) when a class is not found. Returns
   * {@code this}.
   */
  public MapNameResolver classLoader(ClassLoader loader, String searched) {
    this.loader = loader;
    this.searched = searched;
    return this;
  }

  /** Registers a short name. Re-registering a name replaces it. Returns {@code this}. */
  public MapNameResolver register(String kind, String shortName, Class<?> type) {
    byKind.computeIfAbsent(kind, k -> new TreeMap<>()).put(shortName, type);
    return this;
  }

  /**
   * Declares that fully qualified names of subtypes of {@code supertype} are valid for {@code kind}
   * even when not registered. Returns {@code this}.
   */
  public MapNameResolver kind(String kind, Class<?> supertype) {
    supertypes.put(kind, supertype);
    byKind.computeIfAbsent(kind, k -> new TreeMap<>());
    return this;
  }

  @Override
  public Class<?> resolve(String kind, String name) {
    Map<String, Class<?>> names = byKind.getOrDefault(kind, Map.of());
    Class<?> c = names.get(name);
    if (c != null) {
      return c;
    }
    for (Class<?> registered : names.values()) {
      if (registered.getName().equals(name)) {
        return registered;
      }
    }
    Class<?> supertype = supertypes.get(kind);
    if (supertype != null && name.contains(".")) {
      return load(kind, name, supertype);
    }
    throw unknown(kind, name, names.keySet());
  }

  /** A name with a dot is a class name: load it, check its supertype, or say why not. */
  private Class<?> load(String kind, String name, Class<?> supertype) {
    Class<?> loaded;
    try {
      loaded = Class.forName(name, false, loader != null ? loader : supertype.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new ConfigException(null, "class " + name + " not found (a " + kind + " name with a dot is a class name);"
          + " searched: " + (searched != null ? searched : "mmcheck's own class path (no 'classpath' key set)"),
          "put the folder or jar that holds it in the 'classpath' key (e.g. classpath = target/classes),"
              + " or use a short name: " + String.join(", ", byKind.getOrDefault(kind, Map.of()).keySet()));
    } catch (LinkageError e) {
      throw new ConfigException(null, "class " + name + " cannot be loaded: " + e,
          "a class it needs is missing from 'classpath', or it was compiled for a newer Java");
    }
    if (!supertype.isAssignableFrom(loaded)) {
      throw new ConfigException(null, "class " + name + " is not a " + kind + ": expected a class implementing "
          + supertype.getName() + (kind.equals(NameResolver.PROPERTY) ? " (a Listener that is no Property may go"
              + " in 'listener')" : ""));
    }
    return loaded;
  }

  static ConfigException unknown(String kind, String name, java.util.Set<String> valid) {
    if (valid.isEmpty()) {
      return new ConfigException(null, "unknown " + kind + " '" + name + "'; none are available",
          "no " + kind + " names are registered");
    }
    List<String> close = Suggestions.closest(name, valid, 3);
    String hint = close.isEmpty() ? null : "did you mean " + String.join(", ", close) + "?";
    return new ConfigException(null,
        "unknown " + kind + " '" + name + "'; available: " + String.join(", ", valid), hint);
  }

  @Override
  public SortedSet<String> names(String kind) {
    return Collections.unmodifiableSortedSet(
        new TreeSet<>(byKind.getOrDefault(kind, Map.of()).keySet()));
  }

  /** Snapshot of the registrations, for debugging. */
  @Override
  public String toString() {
    Map<String, Object> m = new LinkedHashMap<>();
    byKind.forEach((k, v) -> m.put(k, v.keySet()));
    return "MapNameResolver" + m;
  }
}
