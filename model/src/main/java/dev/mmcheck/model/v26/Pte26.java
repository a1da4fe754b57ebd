package dev.mmcheck.model.v26;

/**
 * The value of a present 2.6 PTE: the page it maps. Immutable; {@code null} in a PTE cell is
 * {@code pte_none()}. {@code mm} and {@code addr} are ghost (for properties).
 */
public record Pte26(Page page, Mm26 mm, int addr) {
  @Override
  public String toString() {
    return "pte->" + page.name();
  }
}
