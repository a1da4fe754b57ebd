package dev.mmcheck.model.v26;

/**
 * The value of a present 2.6 PTE: the page it maps, whether it is writable ({@code pte_write})
 * and dirty ({@code pte_dirty}). Immutable; {@code null} in a PTE cell is {@code pte_none()}.
 * {@code mm} and {@code addr} are ghost (for properties). The model's own paths never set the
 * dirty bit (they track dirtiness on the {@link Page}); it is there for model authors' paths,
 * with {@link #mkdirty} / {@link #mkclean} as the kernel's {@code pte_mkdirty} / {@code pte_mkclean}.
 */
public record Pte26(Page page, boolean writable, boolean dirty, Mm26 mm, int addr) {
  /** A clean PTE. */
  public Pte26(Page page, boolean writable, Mm26 mm, int addr) {
    this(page, writable, false, mm, addr);
  }

  /** The same PTE write-protected ({@code pte_wrprotect}, as {@code change_protection} does). */
  public Pte26 wrprotect() {
    return new Pte26(page, false, dirty, mm, addr);
  }

  /** The same PTE writable ({@code pte_mkwrite}). */
  public Pte26 mkwrite() {
    return new Pte26(page, true, dirty, mm, addr);
  }

  /** The same PTE dirty ({@code pte_mkdirty}). */
  public Pte26 mkdirty() {
    return new Pte26(page, writable, true, mm, addr);
  }

  /** The same PTE clean ({@code pte_mkclean}). */
  public Pte26 mkclean() {
    return new Pte26(page, writable, false, mm, addr);
  }

  @Override
  public String toString() {
    return "pte->" + page.name() + (writable ? "(rw)" : "(ro)") + (dirty ? "(dirty)" : "");
  }
}
