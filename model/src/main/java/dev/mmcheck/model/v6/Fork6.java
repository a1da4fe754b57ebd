package dev.mmcheck.model.v6;

import java.util.ArrayList;
import java.util.List;

/**
 * fork's address-space copy, {@code dup_mmap(mm, oldmm)} (kernel/fork.c 6.4, with fb49c455323f
 * "fork: lock VMAs of the parent process when forking" as the {@code forkWriteLocksParent} knob)
 * and {@code copy_page_range} (mm/memory.c): under {@code mmap_write_lock(oldmm)} and the new
 * mm's write lock, for each parent VMA: [fix: {@code vma_start_write(mpnt)}],
 * {@code vm_area_dup}, {@code anon_vma_fork} (nothing if the parent has no anon_vma; else the
 * child's chain is the parent's plus its own anon_vma), the tree store of the copy, and, if the
 * VMA has an anon_vma ({@code vma_needs_copy}), {@code copy_pte_range} under both page-table
 * locks: every present anonymous page is shared ({@code page_dup_anon_rmap}: map count + 1) and
 * write-protected in both mms ({@code copy_present_pte}, COW). The TLB flush of the parent at
 * the end ({@code flush_tlb_mm}) is implicit: user stores in the model re-read the PTE (see
 * {@link Fault6#user_write}).
 *
 * <p>Read: the 6.4 stable backport of fb49c455323f (the one-line diff and its message: a
 * concurrent VMA-locked fault on a page the copy just write-protected runs {@code wp_page_copy}
 * during the copy). Not read: the full 6.4 {@code dup_mmap}; the loop above follows the diff's
 * context. Ghost: {@link Mm6#ghostDup} is 1 while the copy runs and 2 after, for the
 * fork-snapshot property.
 */
public final class Fork6 {
  private Fork6() {}

  /** {@code dup_mm()} + {@code dup_mmap()}: returns the child mm (its tasks never run in the scenarios). */
  public static Mm6 dup_mmap(Mm6 oldmm, String childName) {
    Mm6 mm = new Mm6(oldmm.k, childName, oldmm.pages(), false, oldmm);   // mm_alloc
    oldmm.mmap_write_lock();
    mm.ghostDup.set(1);                                // ghost: the copy starts
    mm.mmap_write_lock();                              // mmap_write_lock_nested(mm, SINGLE_DEPTH_NESTING)
    List<Vma6> vmas = oldmm.mt.for_each_vma();
    for (Vma6 mpnt : vmas) {
      if (oldmm.k.d.forkWriteLocksParent()) {
        PerVmaLock.vma_start_write(oldmm, mpnt);
      }
      int start = mpnt.vmStart.get();                   // vm_area_dup: *new = *orig
      int end = mpnt.vmEnd.get();
      int flags = mpnt.vmFlags.get();
      AnonVma6 pav = mpnt.anonVma.get();
      AnonVma6 own = pav == null ? null : new AnonVma6("av." + childName + "." + mpnt.name());
      Vma6 tmp = oldmm.k.vm_area_alloc(mm, mpnt.name() + "'", start, end, flags, own, null);
      if (pav != null) {                                // anon_vma_fork: anon_vma_clone + own anon_vma
        List<AnonVma6> chain = new ArrayList<>(mpnt.anonVmaChain.get());
        chain.add(own);
        tmp.anonVmaChain.set(List.copyOf(chain));
      }
      PerVmaLock.vma_mark_attached(mm, tmp);
      mm.mt.mas_store(start, end, tmp);                 // vma_iter_bulk_store
      if (pav != null) {
        copy_page_range(mm, oldmm, start, end);
      }
    }
    mm.ghostDup.set(2);
    mm.mmap_write_unlock();
    oldmm.mmap_write_unlock();                          // flush_tlb_mm(oldmm) before it
    return mm;
  }

  /**
   * {@code copy_page_range} -> {@code copy_pte_range}: each present PTE under both PTE locks. The
   * model takes and drops the locks per page: in the kernel each page table has its own lock and
   * {@code copy_pte_range} drops them every 32 entries ({@code progress >= 32}, cond_resched),
   * so a fault can run between two copied pages; with the model's one lock per mm over two pages
   * that window would otherwise not exist.
   */
  static void copy_page_range(Mm6 dst, Mm6 src, int start, int end) {
    for (int a = start; a < end && a < src.pages(); a++) {
      dst.pageTableLock.lock();
      src.pageTableLock.lock();                        // spin_lock_nested(src_ptl, SINGLE_DEPTH_NESTING)
      Pte6 pte = src.pte(a).get();
      if (pte != null) {
        pte.page().mapcount.fetchAdd(1);               // page_try_dup_anon_rmap
        if (pte.writable()) {
          src.pte(a).set(pte.wrprotect());             // ptep_set_wrprotect(src_mm, addr, src_pte)
        }
        dst.pte(a).set(pte.wrprotect());               // set_pte_at(dst_vma->vm_mm, addr, dst_pte, pte)
      }
      src.pageTableLock.unlock();
      dst.pageTableLock.unlock();
    }
  }
}
