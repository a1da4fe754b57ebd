package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;

/** A tracked object with one field, standing for a VMA in the use-after-free examples. */
public final class Region extends Tracked {
  /** The region's start address. */
  public final Cell<Long> start = cell("start", 0x1000L);

  public Region(String name) {
    super(name);
  }
}
