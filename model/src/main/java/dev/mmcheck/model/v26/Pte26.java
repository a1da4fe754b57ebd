package dev.mmcheck.model.v26;

/**
 * The value of a present 2.6 PTE: the page it maps and whether it is writable
 * ({@code pte_write}). Immutable; {@code null} in a PTE cell is {@code pte_none()}.
 * {@code mm} and {@code addr} are ghost (for properties).
 */
public record Pte26(Page page, boolean writable, Mm26 mm, int addr) {
  /** The same PTE write-protected ({@code pte_wrprotect}, as {@code change_protection} does). */
  public Pte26 wrprotect() {
    return new Pte26(page, false, mm, addr);
  }

  @Override
  public String toString() {
    return "pte->" + page.name() + (writable ? "(rw)" : "(ro)");
  }
}
