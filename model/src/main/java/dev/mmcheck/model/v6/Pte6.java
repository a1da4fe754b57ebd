package dev.mmcheck.model.v6;

/**
 * The value of a present PTE: the page it maps and whether it is writable. Immutable;
 * {@code null} in a PTE cell is {@code pte_none()}.
 */
public record Pte6(Page6 page, boolean writable) {
  /** {@code pte_wrprotect(pte)}. */
  public Pte6 wrprotect() {
    return new Pte6(page, false);
  }

  @Override
  public String toString() {
    return "pte->" + page.name() + (writable ? "" : "(ro)");
  }
}
