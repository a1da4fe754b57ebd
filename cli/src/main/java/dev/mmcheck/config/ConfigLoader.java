package dev.mmcheck.config;

import java.nio.file.Path;
import java.util.List;

/**
 * The whole pipeline: read the {@code .jpf} file and overrides ({@link JpfParser}), resolve
 * {@code target}, extend the {@link Schema} with the scenario's {@link Namespace}s, validate into a
 * {@link Config}. Immutable; reusable.
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
    RawConfig raw = JpfParser.parse(file, overrides);
    Class<?> scenario = Config.resolveTarget(raw, resolver);
    Schema schema = Schema.builtin();
    for (Namespace ns : namespaces.namespacesFor(scenario)) {
      schema = schema.with(ns);
    }
    return Config.validate(raw, schema, resolver);
  }
}
