package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every name a config may use, merged from all {@link Catalog}s: the short names of scenarios,
 * properties and listeners (for the config layer's {@link NameResolver}, which also accepts fully
 * qualified class names of the right supertype), and the parameters of each class as typed
 * config keys ({@link NamespaceProvider}).
 *
 * <p>Parameters of a class come from its catalog entry ({@link Catalog.Param}s, for scenarios,
 * properties and listeners alike), else from its {@link dev.mmcheck.engine.Param} constructor
 * ({@link ClassParams}). Catalog parameters become keys grouped by their prefix up to the first
 * dot: {@code mm.era} and {@code mm.variant} form the closed namespace {@code mm.}. A parameter
 * with choices is a choice key (so {@code mm.era = 1899} fails listing the allowed values); one
 * without is a string. Parameters without a dot cannot be set from a config; the class gets
 * their default.
 *
 * <p>{@link #withUserClasses} adds the catalogs found on a config's {@code classpath}. Immutable
 * after construction.
 */
public final class Catalogs {
  private final List<Catalog> sources;
  private final List<Catalog.Entry> scenarios;
  private final List<Catalog.Entry> properties;
  private final List<Catalog.Entry> listeners;
  private final MapNameResolver resolver = new MapNameResolver();
  private final ClassLoader loader;

  private Catalogs(List<Catalog> catalogs, ClassLoader loader, String searched) {
    this.sources = List.copyOf(catalogs);
    this.loader = loader;
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
        .kind(NameResolver.LISTENER, Listener.class)
        .classLoader(loader, searched);
    scenarios.forEach(e -> resolver.register(NameResolver.SCENARIO, e.name(), e.type()));
    properties.forEach(e -> resolver.register(NameResolver.PROPERTY, e.name(), e.type()));
    listeners.forEach(e -> resolver.register(NameResolver.LISTENER, e.name(), e.type()));
  }

  /** The catalogs registered on the class path ({@code META-INF/services/dev.mmcheck.engine.Catalog}). */
  public static Catalogs load() {
    List<Catalog> found = new ArrayList<>();
    ServiceLoader.load(Catalog.class, Catalogs.class.getClassLoader()).forEach(found::add);
    return new Catalogs(found, Catalogs.class.getClassLoader(), null);
  }

  /** Exactly these catalogs (for tests and golden files). */
  public static Catalogs of(List<Catalog> catalogs) {
    return new Catalogs(catalogs, Catalogs.class.getClassLoader(), null);
  }

  /**
   * These catalogs plus the user's: a fresh class loader over {@code cp} (parent: mmcheck's),
   * through which class names resolve, and every {@link Catalog} service on it that is not one
   * of these already. {@code this} if {@code cp} is empty.
   *
   * @throws ConfigException (at the class path's line) if a catalog cannot be loaded or reuses a
   *     short name
   */
  public Catalogs withUserClasses(UserClasspath cp) {
    if (cp.isEmpty()) {
      return this;
    }
    ClassLoader user = cp.newLoader(Catalogs.class.getClassLoader());
    Set<Class<?>> known = new HashSet<>();
    sources.forEach(c -> known.add(c.getClass()));
    List<Catalog> all = new ArrayList<>(sources);
    try {
      ServiceLoader.load(Catalog.class, user).stream()
          .filter(p -> !known.contains(p.type()))
          .forEach(p -> all.add(p.get()));
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      throw new ConfigException(cp.origin(), "a dev.mmcheck.engine.Catalog listed in META-INF/services on the"
          + " classpath cannot be loaded: " + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"),
          "the file lists catalog classes, one per line; each needs a public no-argument constructor");
    }
    checkUnique(all, cp);
    return new Catalogs(all, user, cp.describe());
  }

  private static void checkUnique(List<Catalog> all, UserClasspath cp) {
    for (String kind : List.of(NameResolver.SCENARIO, NameResolver.PROPERTY, NameResolver.LISTENER)) {
      Map<String, Catalog> by = new LinkedHashMap<>();
      for (Catalog c : all) {
        List<Catalog.Entry> es = switch (kind) {
          case NameResolver.SCENARIO -> c.scenarios();
          case NameResolver.PROPERTY -> c.properties();
          default -> c.listeners();
        };
        for (Catalog.Entry e : es) {
          Catalog before = by.putIfAbsent(e.name(), c);
          if (before != null && before != c) {
            throw new ConfigException(cp.origin(), "the " + kind + " short name '" + e.name() + "' is registered by "
                + before.getClass().getName() + " and again by " + c.getClass().getName() + " (on the classpath)",
                "give your catalog's entry another name");
          }
        }
      }
    }
  }

  public NameResolver resolver() {
    return resolver;
  }

  /** The class loader class names resolve through (mmcheck's own, or a user class path's). */
  public ClassLoader classLoader() {
    return loader;
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

  /** The catalog entry of a class of any kind (scenario, property, listener), if it is registered. */
  public Optional<Catalog.Entry> entry(Class<?> type) {
    return Stream.of(scenarios, properties, listeners).flatMap(List::stream).filter(e -> e.type() == type)
        .findFirst();
  }

  /** The catalog parameters of a class: its entry's, if it is registered with some; else empty. */
  List<Catalog.Param> catalogParams(Class<?> type) {
    return entry(type).map(Catalog.Entry::params).orElse(List.of());
  }

  /**
   * The namespaces of each class: its catalog entry's parameters, else its
   * {@link dev.mmcheck.engine.Param} constructor's.
   */
  public NamespaceProvider namespaces() {
    return type -> {
      List<Catalog.Param> params = catalogParams(type);
      if (!params.isEmpty()) {
        return namespacesOf(params);
      }
      List<Key<?>> keys = new ArrayList<>();
      ClassParams.specs(type).forEach(s -> keys.add(s.key()));
      return group(keys);
    };
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
    return namespacesOf(e.params());
  }

  static List<Namespace> namespacesOf(List<Catalog.Param> params) {
    List<Key<?>> keys = new ArrayList<>();
    for (Catalog.Param p : params) {
      keyOf(p).ifPresent(keys::add);
    }
    return group(keys);
  }

  /** Keys grouped into closed namespaces by their prefix up to the first dot, in first-seen order. */
  static List<Namespace> group(List<Key<?>> keys) {
    Map<String, List<Key<?>>> byPrefix = new LinkedHashMap<>();
    for (Key<?> k : keys) {
      byPrefix.computeIfAbsent(k.name().substring(0, k.name().indexOf('.') + 1), x -> new ArrayList<>()).add(k);
    }
    List<Namespace> out = new ArrayList<>();
    byPrefix.forEach((prefix, ks) -> out.add(new Namespace(prefix, ks, false)));
    return out;
  }
}
