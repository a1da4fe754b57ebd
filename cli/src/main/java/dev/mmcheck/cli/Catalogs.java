package dev.mmcheck.cli;

import dev.mmcheck.config.Key;
import dev.mmcheck.config.MapNameResolver;
import dev.mmcheck.config.NameResolver;
import dev.mmcheck.config.Namespace;
import dev.mmcheck.config.NamespaceProvider;
import dev.mmcheck.config.ValueTypes;
import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Every name a config may use, merged from all {@link Catalog}s: the short names of scenarios,
 * properties and listeners (for the config layer's {@link NameResolver}, which also accepts fully
 * qualified class names of the right supertype), and each scenario's parameters as typed
 * config keys ({@link NamespaceProvider}).
 *
 * <p>Parameters become keys grouped by their prefix up to the first dot: {@code mm.era} and
 * {@code mm.variant} form the closed namespace {@code mm.}. A parameter with choices is a choice
 * key (so {@code mm.era = 1899} fails listing the allowed values); one without is a string.
 * Parameters without a dot cannot be set from a config; the scenario gets their default.
 * Immutable after construction.
 */
public final class Catalogs {
  private final List<Catalog.Entry> scenarios;
  private final List<Catalog.Entry> properties;
  private final List<Catalog.Entry> listeners;
  private final MapNameResolver resolver = new MapNameResolver();

  private Catalogs(List<Catalog> catalogs) {
    List<Catalog.Entry> s = new ArrayList<>();
    List<Catalog.Entry> p = new ArrayList<>();
    List<Catalog.Entry> l = new ArrayList<>();
    for (Catalog c : catalogs) {
      s.addAll(c.scenarios());
      p.addAll(c.properties());
      l.addAll(c.listeners());
    }
    Comparator<Catalog.Entry> byName = Comparator.comparing(Catalog.Entry::name);
    s.sort(byName);
    p.sort(byName);
    l.sort(byName);
    this.scenarios = List.copyOf(s);
    this.properties = List.copyOf(p);
    this.listeners = List.copyOf(l);
    resolver.kind(NameResolver.SCENARIO, Scenario.class)
        .kind(NameResolver.PROPERTY, Property.class)
        .kind(NameResolver.LISTENER, Listener.class);
    scenarios.forEach(e -> resolver.register(NameResolver.SCENARIO, e.name(), e.type()));
    properties.forEach(e -> resolver.register(NameResolver.PROPERTY, e.name(), e.type()));
    listeners.forEach(e -> resolver.register(NameResolver.LISTENER, e.name(), e.type()));
  }

  /** The catalogs registered on the class path ({@code META-INF/services/dev.mmcheck.engine.Catalog}). */
  public static Catalogs load() {
    List<Catalog> found = new ArrayList<>();
    ServiceLoader.load(Catalog.class, Catalogs.class.getClassLoader()).forEach(found::add);
    return new Catalogs(found);
  }

  /** Exactly these catalogs (for tests and golden files). */
  public static Catalogs of(List<Catalog> catalogs) {
    return new Catalogs(catalogs);
  }

  public NameResolver resolver() {
    return resolver;
  }

  public List<Catalog.Entry> scenarios() {
    return scenarios;
  }

  public List<Catalog.Entry> properties() {
    return properties;
  }

  public List<Catalog.Entry> listeners() {
    return listeners;
  }

  /** The catalog entry of a scenario class, if it is registered. */
  public Optional<Catalog.Entry> scenarioEntry(Class<?> type) {
    return scenarios.stream().filter(e -> e.type() == type).findFirst();
  }

  /** The namespaces of each scenario, from its parameters. */
  public NamespaceProvider namespaces() {
    return type -> scenarioEntry(type).map(Catalogs::namespacesOf).orElse(List.of());
  }

  /** The config key of a parameter with a dot in its name, else empty. */
  public static Optional<Key<String>> keyOf(Catalog.Param p) {
    if (p.key().indexOf('.') <= 0) {
      return Optional.empty();
    }
    String description = p.description();
    if (p.choices().isEmpty()) {
      return Optional.of(Key.string(p.key(), p.defaultValue(), description));
    }
    String def = p.choices().contains(p.defaultValue()) ? p.defaultValue() : null;
    return Optional.of(new Key<>(p.key(), ValueTypes.choice(p.choices().toArray(String[]::new)), def, description));
  }

  static List<Namespace> namespacesOf(Catalog.Entry e) {
    Map<String, List<Key<?>>> byPrefix = new LinkedHashMap<>();
    for (Catalog.Param p : e.params()) {
      keyOf(p).ifPresent(k -> byPrefix.computeIfAbsent(k.name().substring(0, k.name().indexOf('.') + 1),
          x -> new ArrayList<>()).add(k));
    }
    List<Namespace> out = new ArrayList<>();
    byPrefix.forEach((prefix, keys) -> out.add(new Namespace(prefix, keys, false)));
    return out;
  }
}
