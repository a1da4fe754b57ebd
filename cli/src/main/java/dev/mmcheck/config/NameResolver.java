package dev.mmcheck.config;

import java.util.SortedSet;

/**
 * Turns the short or fully qualified names written in a configuration ({@code target},
 * {@code listener}, {@code search.properties}, {@code expect = violation X}) into classes. The
 * engine and model register their names; the config layer only asks. See {@link MapNameResolver}.
 */
public interface NameResolver {

  /** Kind of {@code target}: a scenario class. */
  String SCENARIO = "scenario";

  /** Kind of {@code search.properties} elements: a property checked during the search. */
  String PROPERTY = "property";

  /** Kind of {@code listener} elements: a search listener. */
  String LISTENER = "listener";

  /**
   * The class named {@code name} for {@code kind}.
   *
   * @param kind e.g. {@link #SCENARIO}, {@link #PROPERTY}, {@link #LISTENER}
   * @param name a short name or a fully qualified class name
   * @return never {@code null}
   * @throws ConfigException (no origin; the caller attaches it) if unknown, listing the valid names,
   *     e.g. {@code unknown property 'dedlock'; available: deadlock, lock-order}
   */
  Class<?> resolve(String kind, String name);

  /** The short names known for {@code kind}, sorted; empty for an unknown kind. */
  SortedSet<String> names(String kind);
}
