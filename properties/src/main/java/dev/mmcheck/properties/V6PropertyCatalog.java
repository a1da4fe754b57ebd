package dev.mmcheck.properties;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Property;
import java.util.List;
import java.util.function.Supplier;

/**
 * Short names of the part-4 properties (6.1 to 6.15), registered as a {@link Catalog} service
 * next to {@link PropertyCatalog}. {@code field-protection} takes its keys from its
 * {@link dev.mmcheck.engine.Param} constructor ({@code field-protection.table},
 * {@code field-protection.rules}).
 */
public final class V6PropertyCatalog implements Catalog {
  private static final List<Supplier<Property>> ALL = List.of(FieldProtection::new, DocumentedLockOrder6::new,
      VmaLockProtocol::new, VmaIdentity::new, AnonRmap::new, ForkSnapshot6::new, NoSpuriousSigsegv6::new);

  /** For {@link java.util.ServiceLoader}. */
  public V6PropertyCatalog() {}

  @Override
  public List<Catalog.Entry> properties() {
    return ALL.stream().map(Supplier::get).map(p -> new Catalog.Entry(p.name(), p.getClass(), p.description()))
        .toList();
  }

  /** A fresh instance of the named part-4 property, or null. */
  public static Property create(String name) {
    for (Supplier<Property> s : ALL) {
      Property p = s.get();
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }
}
