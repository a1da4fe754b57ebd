package dev.mmcheck.properties;

import dev.mmcheck.engine.Catalog;
import java.util.List;

/**
 * Short names of the part-3 properties (seeds 003 and 004), for configs and the CLI, which finds
 * this class as a {@link Catalog} service (one line in
 * {@code META-INF/services/dev.mmcheck.engine.Catalog}). Every property has a public no-argument
 * constructor.
 */
public final class RangePropertyCatalog implements Catalog {
  /** For {@link java.util.ServiceLoader}. */
  public RangePropertyCatalog() {}

  @Override
  public List<Catalog.Entry> properties() {
    return List.of(entry(new ForkSnapshot()), entry(new NoSpuriousSigsegv()), entry(new VmaWalk()));
  }

  private static Catalog.Entry entry(dev.mmcheck.engine.Property p) {
    return new Catalog.Entry(p.name(), p.getClass(), p.description());
  }
}
