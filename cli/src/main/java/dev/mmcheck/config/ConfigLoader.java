package dev.mmcheck.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The whole pipeline: read the {@code .jpf} file and overrides ({@link JpfParser}), resolve the
 * classes it names ({@code target}, {@code search.properties}, {@code listener}), extend the
 * {@link Schema} with the {@link Namespace}s of each of them, validate into a {@link Config}.
 * Immutable; reusable.
 *
 * <p>Namespaces of several classes with the same prefix are merged; one key declared by two
 * classes is shared if it has the same type and default, else it is an error (as is a prefix
 * that overlaps another or covers a built-in key), reported at the line that named the class.
 */
public final class ConfigLoader {

  private final NameResolver resolver;
  private final NamespaceProvider namespaces;

  public ConfigLoader(NameResolver resolver, NamespaceProvider namespaces) {
    this.resolver = resolver;
    this.namespaces = namespaces;
  }

  /**
   * Loads and validates a configuration.
   *
   * @param file the {@code .jpf} file, or {@code null} to configure from overrides only
   * @param overrides command-line arguments {@code +key=value} / {@code +key+=value}, in order
   * @throws ConfigException for the first problem found, with its origin
   */
  public Config load(Path file, List<String> overrides) {
    return load(JpfParser.parse(file, overrides));
  }

  /** Validates an already parsed configuration. @throws ConfigException for the first problem */
  public Config load(RawConfig raw) {
    return Config.validate(raw, schema(raw), resolver);
  }

  /**
   * The schema of {@code raw}: the built-in keys plus the namespaces of every class it names.
   *
   * @throws ConfigException if a name does not resolve or the namespaces clash
   */
  public Schema schema(RawConfig raw) {
    Map<String, List<Key<?>>> byPrefix = new LinkedHashMap<>();
    Map<String, Boolean> open = new LinkedHashMap<>();
    Map<String, NamedClass> prefixOwner = new LinkedHashMap<>();
    Map<String, Key<?>> declared = new LinkedHashMap<>();
    Map<String, NamedClass> keyOwner = new LinkedHashMap<>();
    Set<Class<?>> seen = new HashSet<>();
    for (NamedClass nc : namedClasses(raw)) {
      if (!seen.add(nc.type())) {
        continue;
      }
      List<Namespace> own;
      try {
        own = namespaces.namespacesFor(nc.type());
      } catch (ConfigException e) {
        throw e.at(nc.origin());
      }
      for (Namespace ns : own) {
        prefixOwner.putIfAbsent(ns.prefix(), nc);
        open.merge(ns.prefix(), ns.open(), Boolean::logicalOr);
        List<Key<?>> keys = byPrefix.computeIfAbsent(ns.prefix(), p -> new ArrayList<>());
        for (Key<?> k : ns.keys()) {
          Key<?> before = declared.get(k.name());
          if (before == null) {
            declared.put(k.name(), k);
            keyOwner.put(k.name(), nc);
            keys.add(k);
          } else if (!sameShape(before, k)) {
            NamedClass other = keyOwner.get(k.name());
            throw new ConfigException(nc.origin(), "key " + k.name() + " of " + nc.kind() + " " + nc.name() + " ("
                + k.type().describe() + ") is also a key of " + other.kind() + " " + other.name() + " ("
                + before.type().describe() + ")", "a key shared by two classes needs the same type and default;"
                    + " rename one of them");
          }
        }
      }
    }
    Schema schema = Schema.builtin();
    for (Map.Entry<String, List<Key<?>>> e : byPrefix.entrySet()) {
      try {
        schema = schema.with(new Namespace(e.getKey(), e.getValue(), open.get(e.getKey())));
      } catch (IllegalArgumentException ex) {
        NamedClass nc = prefixOwner.get(e.getKey());
        throw new ConfigException(nc.origin(), "the keys of " + nc.kind() + " " + nc.name() + " (" + e.getKey()
            + "*) cannot be used: " + ex.getMessage(), "give its parameters another prefix");
      }
    }
    return schema;
  }

  private static boolean sameShape(Key<?> a, Key<?> b) {
    return a.type().describe().equals(b.type().describe())
        && java.util.Objects.equals(a.defaultValue(), b.defaultValue());
  }

  /**
   * Every class {@code raw} names, resolved: the {@code target}, then the elements of
   * {@code search.properties} (its default when not set), then those of {@code listener}, each
   * with the line that named it. Duplicates are kept (callers dedupe by class if they need to).
   *
   * @throws ConfigException if {@code target} is missing or a name does not resolve, at its line
   */
  public List<NamedClass> namedClasses(RawConfig raw) {
    List<NamedClass> out = new ArrayList<>();
    Class<?> target = Config.resolveTarget(raw, resolver);
    RawValue t = raw.get(ConfigKeys.TARGET.name()).orElseThrow();
    out.add(new NamedClass(NameResolver.SCENARIO, t.text(), target, t.origin()));
    named(raw, ConfigKeys.SEARCH_PROPERTIES, NameResolver.PROPERTY, out);
    named(raw, ConfigKeys.LISTENER, NameResolver.LISTENER, out);
    return List.copyOf(out);
  }

  private void named(RawConfig raw, Key<List<String>> key, String kind, List<NamedClass> out) {
    ListType type = (ListType) key.type();
    Optional<RawValue> rv = raw.get(key.name());
    if (rv.isEmpty()) {
      for (String name : key.defaultValue()) {
        out.add(new NamedClass(kind, name, resolver.resolve(kind, name), Origin.defaults()));
      }
      return;
    }
    List<NamedClass> found = new ArrayList<>();
    for (RawValue.Segment s : rv.get().segments()) {
      for (String name : type.parse(s.text())) {
        try {
          found.add(new NamedClass(kind, name, resolver.resolve(kind, name), s.origin()));
        } catch (ConfigException e) {
          throw e.at(s.origin());
        }
      }
    }
    out.addAll(found);
  }
}
