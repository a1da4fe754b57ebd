package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;

/**
 * A {@code struct folio} of one page: its contents (one integer, what user writes change), the
 * anon_vma it belongs to ({@code folio->mapping} of an anonymous folio, set by
 * {@code folio_add_new_anon_rmap}), its map count and its NUMA node (for mbind). Tracked, so a
 * freed page used again is a use after free.
 */
public final class Page6 extends Tracked {
  public final Cell<Integer> data;
  public final Cell<AnonVma6> anonVma;
  public final Cell<Integer> mapcount;
  public final Cell<Integer> node;

  public Page6(String name, int data, AnonVma6 anonVma, int node) {
    super(name);
    this.data = cell("data", data);
    this.anonVma = cell("mapping", anonVma);
    this.mapcount = cell("mapcount", 1);
    this.node = cell("node", node);
  }
}
