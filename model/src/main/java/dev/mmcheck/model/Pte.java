package dev.mmcheck.model;

/**
 * The value of one page-table entry of the model ({@code pte_t}); {@code null} in a PTE cell is
 * {@code pte_none()}. Immutable, as cell values must be.
 *
 * @param addr the virtual page number the entry maps (the cell's own index: ghost, for checks)
 * @param present {@code pte_present()}; false = a swap entry
 * @param page the page: for a file page its file offset (page units), for anonymous memory a
 *     page number; for a swap entry the swap slot
 * @param file true if {@code page} is a page-cache page of the VMA's file
 * @param writable {@code pte_write()}
 * @param dirty {@code pte_dirty()}
 */
public record Pte(int addr, boolean present, int page, boolean file, boolean writable, boolean dirty) {
  /** A present page-cache page. */
  public static Pte filePage(int addr, int offset, boolean writable, boolean dirty) {
    return new Pte(addr, true, offset, true, writable, dirty);
  }

  /** A present anonymous page. */
  public static Pte anonPage(int addr, int page, boolean writable, boolean dirty) {
    return new Pte(addr, true, page, false, writable, dirty);
  }

  /** A swap entry ({@code __pte(entry)} after {@code get_swap_page()}). */
  public static Pte swapEntry(int addr, int slot) {
    return new Pte(addr, false, slot, false, false, false);
  }

  @Override
  public String toString() {
    if (!present) {
      return "swp:" + page;
    }
    return (file ? "file@" : "anon#") + page + (writable ? ",w" : ",ro") + (dirty ? ",D" : "");
  }
}
