package dev.mmcheck.config;

import java.util.List;

/** Tells which extra keys ({@link Namespace}s) a scenario class accepts. */
@FunctionalInterface
public interface NamespaceProvider {

  /** A provider for which no scenario declares keys. */
  NamespaceProvider NONE = scenario -> List.of();

  /**
   * The namespaces of {@code scenario}.
   *
   * @param scenario the class {@code target} resolved to
   * @return never {@code null}; possibly empty
   */
  List<Namespace> namespacesFor(Class<?> scenario);
}
