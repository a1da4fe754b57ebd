package dev.mmcheck.model.v6;

/**
 * {@code mbind(start, len, MPOL_BIND, node, MPOL_MF_MOVE)} ({@code do_mbind}, mm/mempolicy.c
 * 6.4) as a page-table walk under the mmap write lock: {@code queue_pages_range} walks the VMA's
 * PTEs ({@code walk_page_range} with {@code queue_pages_walk_ops}; 49b0638502da made those ops
 * {@code PGWALK_WRLOCK}, so the walk write-locks each VMA first: the {@code pageWalkWriteLocks}
 * knob) and migrates every present page that is not on {@code node} (here in the walk: a new
 * page on the node replaces the old one under the PTE lock); then {@code mbind_range} ->
 * {@code vma_replace_policy} sets {@code vm_policy} (with {@code vma_start_write} since
 * 6c21e066f925 "mm/mempolicy: Take VMA lock before replacing policy", 6.4.8).
 *
 * <p>Read: the commit message of 49b0638502da ("walk_page_range() and friends often operate
 * under write-locked mmap_lock. With introduction of vma locks, the vmas have to be locked as
 * well during such walks to prevent concurrent page faults in these areas") and the later
 * {@code do_mbind} fix ("lock VMAs if queue_pages_range fails"); {@code enum page_walk_lock}.
 * Not read: the 6.4 {@code queue_pages_pte_range} body. Simplified: migration happens inside the
 * walk, not in a second pass.
 */
public final class Mempolicy6 {
  private Mempolicy6() {}

  /** {@code do_mbind} over the whole VMA at {@code addr}. */
  public static void do_mbind(Mm6 mm, int addr, int node) {
    mm.mmap_write_lock();
    Vma6 vma = mm.mt.vma_lookup(addr);
    if (mm.k.d.pageWalkWriteLocks()) {
      PerVmaLock.vma_start_write(mm, vma);             // walk_page_range: process_vma_walk_lock(PGWALK_WRLOCK)
    }
    int start = vma.vmStart.get();
    int end = vma.vmEnd.get();
    for (int a = start; a < end && a < mm.pages(); a++) {   // queue_pages_pte_range
      mm.pageTableLock.lock();
      Pte6 pte = mm.pte(a).get();
      if (pte != null && pte.page().node.get() != node) {
        Page6 moved = new Page6(pte.page().name() + "@n" + node, pte.page().data.get(), pte.page().anonVma.get(), node);
        mm.pte(a).set(new Pte6(moved, pte.writable()));   // migrate_folio + remove_migration_ptes
      }
      mm.pageTableLock.unlock();
    }
    PerVmaLock.vma_start_write(mm, vma);               // vma_replace_policy (6c21e066f925)
    vma.vmPolicy.set(node);
    mm.mmap_write_unlock();
  }
}
