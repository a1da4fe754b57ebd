package dev.mmcheck.model.v26;

import dev.mmcheck.engine.BitLock;
import dev.mmcheck.engine.Cell;

/**
 * A {@code struct page}: a page-cache page of one file ({@code mapping}, {@code index}) or an
 * anonymous page ({@code mapping == null}). {@code PG_locked} is a {@link BitLock} of lock
 * class {@code PG_locked} ({@code lock_page}/{@code trylock_page}/{@code unlock_page}, held
 * during I/O); {@code PG_uptodate} is a cell. Simplified: no reference count, no LRU, pages are
 * never freed (a truncated page stays in the cache, not uptodate).
 */
public final class Page {
  public final AddressSpace mapping;
  public final int index;
  public final BitLock lock;
  public final Cell<Boolean> uptodate;
  private final String name;

  /** A page of {@code mapping} at {@code index} (or anonymous page {@code index} if mapping is null). */
  public Page(AddressSpace mapping, int index, boolean uptodate) {
    this.mapping = mapping;
    this.index = index;
    this.name = (mapping == null ? "anon" : mapping.host().name()) + ".page[" + index + "]";
    this.lock = new BitLock(name + ".PG_locked", "PG_locked");
    this.uptodate = new Cell<>(name + ".PG_uptodate", uptodate);
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
