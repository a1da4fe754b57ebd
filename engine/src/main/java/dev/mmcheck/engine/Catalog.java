package dev.mmcheck.engine;

import java.util.List;

/**
 * Names that configs may use for scenarios, properties and listeners. Each module that
 * provides some lists them in a {@code Catalog} registered as a {@link java.util.ServiceLoader}
 * service ({@code META-INF/services/dev.mmcheck.engine.Catalog}); the CLI merges all catalogs
 * on the class path. A config may also name any class by its fully qualified name.
 */
public interface Catalog {
  /** A named entry. {@code params} are the config keys a scenario reads (empty for others). */
  record Entry(String name, Class<?> type, String description, List<Param> params) {
    public Entry {
      params = List.copyOf(params);
    }

    public Entry(String name, Class<?> type, String description) {
      this(name, type, description, List.of());
    }
  }

  /**
   * A scenario parameter: config key (e.g. {@code mm.era}), description, allowed values (empty:
   * any string) and default. Scenario classes receive their parameters as a
   * {@code Map<String,String>} constructor argument (keys as written, defaults filled in), or
   * have a no-argument constructor if they take none.
   */
  record Param(String key, String description, List<String> choices, String defaultValue) {
    public Param {
      choices = List.copyOf(choices);
    }
  }

  default List<Entry> scenarios() {
    return List.of();
  }

  default List<Entry> properties() {
    return List.of();
  }

  default List<Entry> listeners() {
    return List.of();
  }
}
