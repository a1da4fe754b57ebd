package dev.mmcheck.model.v2017;

/**
 * A present PTE: the page it maps and whether it is writable ({@code pte_write}). A PTE cell
 * holding null is {@code pte_none}. Immutable; equality is {@code pte_same}.
 */
public record Pte17(Page17 page, boolean write) {
  /** {@code pte_wrprotect(pte)}. */
  public Pte17 wrprotect() {
    return new Pte17(page, false);
  }

  @Override
  public String toString() {
    return page.name() + (write ? ",w" : ",r");
  }
}
