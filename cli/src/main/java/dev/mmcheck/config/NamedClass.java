package dev.mmcheck.config;

import java.util.Objects;

/**
 * A class a configuration names ({@code target}, an element of {@code search.properties} or
 * {@code listener}), resolved, with where it was named.
 *
 * @param kind {@link NameResolver#SCENARIO}, {@link NameResolver#PROPERTY} or {@link NameResolver#LISTENER}
 * @param name the name as written (short name or class name)
 * @param type the class it resolved to
 * @param origin the line that named it, or {@link Origin#defaults()} for a default property
 */
public record NamedClass(String kind, String name, Class<?> type, Origin origin) {
  public NamedClass {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(origin, "origin");
  }
}
