package dev.mmcheck.model.ghost;

/**
 * A VMA that can be linked into an mm's list, as the {@code vma-walk} property sees it. The
 * model records, in a ghost cell written when the VMA is unlinked, which thread unlinked it.
 */
public interface ListedVma {
  /** The thread that unlinked it (peek), or null while it is linked or not linked yet. */
  String peekUnlinkedBy();

  /** The owning mm's name ({@code vm_mm}, set once). */
  String mmName();

  /**
   * Whether a cell of this VMA, named {@code cellName} (e.g. {@code vma1.vm_next}), is one a
   * list walker or a lookup reads: bounds, flags, the list link.
   */
  boolean isListField(String cellName);
}
