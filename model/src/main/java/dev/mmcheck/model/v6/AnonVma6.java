package dev.mmcheck.model.v6;

import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Tracked;

/**
 * A {@code struct anon_vma} (mm/rmap.c): the root of the reverse map of anonymous pages, with
 * its {@code rwsem} (lock class {@code anon_vma}, taken by {@code anon_vma_lock_write} /
 * {@code anon_vma_lock_read}). Simplified: no root/parent hierarchy, no refcount; the VMAs'
 * {@code anon_vma_chain} is a list of anon_vmas on the VMA ({@link Vma6#anonVmaChain}).
 */
public final class AnonVma6 extends Tracked {
  public final RwSemaphore rwsem;

  public AnonVma6(String name) {
    super(name);
    this.rwsem = new RwSemaphore(name + ".rwsem", "anon_vma");
  }
}
