package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.PageFrame;

/**
 * A {@code struct page} of anonymous memory: its contents ({@code data}, one int standing for
 * the page's bytes) and its reference count ({@code count}: one per PTE that maps it, plus
 * temporary references such as the one {@code do_wp_page} holds while copying; Linux 2.4.20
 * {@code page_count} / {@code get_page} / {@code put_page}, include/linux/mm.h). It is
 * {@link Tracked}: {@link #put} frees it when the count drops to zero, and a later use is a use
 * after free. Simplified: no LRU, no swap cache, no {@code mapcount} separate from the count.
 */
public final class Page17 extends Tracked implements PageFrame {
  public final Cell<Integer> data;
  public final Cell<Integer> count;

  /** {@code alloc_page()} filled with {@code data}, one reference (the PTE about to map it). */
  public Page17(String name, int data) {
    super(name);
    this.data = cell("data", data);
    this.count = cell("count", 1);
  }

  @Override
  public boolean isContents(String cellName) {
    return cellName.equals(data.name());
  }

  /** {@code get_page()}: an atomic increment. */
  public void get() {
    count.fetchAdd(1);
  }

  /** {@code put_page()}: an atomic decrement; the last reference frees the page. */
  public void put() {
    if (count.fetchAdd(-1) == 1) {
      free();
    }
  }
}
