package dev.mmcheck.model.v6;

/**
 * One range of a maple node: {@code [start, end)} maps {@code vma}, or is a gap when
 * {@code vma} is null. A node's slots cover the whole address space {@code [0, MapleTree.MAX)}
 * in order (the pivots of {@code maple_range_64} are the ends). Immutable.
 */
public record Slot(int start, int end, Vma6 vma) {
  public boolean contains(int addr) {
    return start <= addr && addr < end;
  }

  @Override
  public String toString() {
    return "[" + start + "," + end + ")" + (vma == null ? "gap" : "=" + vma.name());
  }
}
