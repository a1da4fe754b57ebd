package dev.mmcheck.properties;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Property;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Short names of the mm properties, for configs ({@code search.properties = vma-existence}) and
 * the CLI, which finds this class as a {@link Catalog} service.
 */
public final class PropertyCatalog implements Catalog {
  /** One catalog entry. */
  public record Entry(String name, Class<? extends Property> type, String description, Supplier<Property> factory) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add(VmaExistence::new, VmaExistence.class);
    add(VmaListInvariants::new, VmaListInvariants.class);
    add(VmlistRules::new, VmlistRules.class);
    add(PteLostUpdate::new, PteLostUpdate.class);
    // part 2 (2.6 / 2013)
    add(DocumentedLockOrder::new, DocumentedLockOrder.class);
    add(FaultRetryDiscipline::new, FaultRetryDiscipline.class);
    add(PteVmaConsistency::new, PteVmaConsistency.class);
  }

  /** For {@link java.util.ServiceLoader}. */
  public PropertyCatalog() {}

  @Override
  public List<Catalog.Entry> properties() {
    return ENTRIES.values().stream().map(e -> new Catalog.Entry(e.name(), e.type(), e.description())).toList();
  }

  private static void add(Supplier<Property> f, Class<? extends Property> type) {
    Property p = f.get();
    ENTRIES.put(p.name(), new Entry(p.name(), type, p.description(), f));
  }

  /** All entries, in catalog order. */
  public static Map<String, Entry> entries() {
    return Collections.unmodifiableMap(ENTRIES);
  }

  /** The entry for a short name, or null. */
  public static Entry find(String name) {
    return ENTRIES.get(name);
  }

  /** A fresh instance of the named property; the error lists valid names. */
  public static Property create(String name) {
    Entry e = ENTRIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown mm property '" + name + "'; valid: " + ENTRIES.keySet());
    }
    return e.factory().get();
  }
}
