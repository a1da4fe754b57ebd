package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Completion;

/**
 * The 2013 proposal (seed 001): a fault that does not hold mmap_sem while the filesystem works.
 * Michel Lespinasse's shape: look the VMA up under mmap_sem(r), note what the fault needs (the
 * page offset and the VMA's flags: the speculative-page-fault series' "mm: Cache some VMA
 * fields in the vm_fault structure") and a sequence count, drop mmap_sem, call the file's
 * {@code ->fault(vma, vmf)} (which dereferences the VMA: 2.6.24 {@code filemap_fault} starts
 * with {@code vma->vm_file}), re-take mmap_sem, and install the page only if the validation
 * shows no change; otherwise retry. Never merged in this form; the closest later code is the
 * speculative page fault series (SPF, Laurent Dufour 2017-2019, never merged; its speculative
 * path handled anonymous VMAs only and fell back for {@code vm_ops}) and per-VMA locks (6.4).
 *
 * <p>What the fault validates ({@link Discipline26.SeqValidate}):
 * <ul>
 *   <li>{@code MM}: an mm-wide seqcount bumped by every munmap/mmap/mprotect (seed 001's
 *       proposal; catches Hugh Dickins' case at the cost of false retries for unrelated changes);
 *   <li>{@code VMA}: SPF's {@code vma_has_changed()} on the fault's own VMA
 *       ({@code RB_EMPTY_NODE(&vmf->vma->vm_rb) || vm_sequence != vmf->sequence}, mm/internal.h of
 *       "mm: Provide speculative fault infrastructure", v4 14/20, Message-Id
 *       1507543672-25821-15-git-send-email-ldufour@linux.vnet.ibm.com);
 *   <li>{@code DETACH}: only the detach half of that check (a variant: blind to a VMA changed in
 *       place, e.g. by mprotect);
 *   <li>{@code NONE}: no check.
 * </ul>
 * With {@link Discipline26#vmaFreeDeferred} the fault holds {@code srcu_read_lock(&vma_srcu)}
 * from before it drops mmap_sem until after the validation, and munmap frees VMAs with
 * {@code call_srcu}, so the VMA stays allocated while {@code ->fault} and the validation use it
 * (SPF: "We use the SRCU VMA freeing to keep the VMA around"); without it munmap's
 * {@code kmem_cache_free} can free the VMA under {@code ->fault}: a use after free.
 *
 * <p>The page comes back locked from {@code ->fault}; it is unlocked before mmap_sem is
 * re-taken and locked again under it: re-taking mmap_sem with the page still locked inverts the
 * documented order (PG_locked -> mmap_sem, the third deadlock of 08291429cfa6 against mlock's
 * {@code get_user_pages}); the documented-lock-order property reports that shape at once.
 * Simplified: the file is not pinned ({@code get_file} is not modelled; files are never freed);
 * an anonymous fault never drops mmap_sem.
 */
public final class SeqFault {
  private SeqFault() {}

  /** A read fault; see {@link #do_page_fault(Mm26, int, boolean)}. */
  public static Fault26.Result do_page_fault(Mm26 mm, int addr) {
    return do_page_fault(mm, addr, false);
  }

  /** The fault handler of the 2013 era; also the path {@code get_user_pages} takes when it drops mmap_sem. */
  public static Fault26.Result do_page_fault(Mm26 mm, int addr, boolean write) {
    int fflags = write ? Fault26.FAULT_FLAG_WRITE : 0;
    while (true) {
      mm.mmapSem.downRead();
      Vma26 vma = mm.find_vma(addr);
      if (vma == null || vma.vmStart.get() > addr) {
        mm.mmapSem.upRead();
        return Fault26.Result.SIGSEGV;
      }
      int vmaFlags = vma.vmFlags.get();                 // vmf->vma_flags
      if (write && (vmaFlags & Vma26.VM_WRITE) == 0) {
        mm.mmapSem.upRead();
        return Fault26.Result.SIGSEGV;
      }
      if (mm.pte(addr).get() != null) {
        mm.mmapSem.upRead();
        return Fault26.Result.OK;
      }
      if (vma.vmFile.get() == null) {
        Fault26.Result r = Fault26.do_anonymous_page(mm, vma, addr, fflags);
        mm.mmapSem.upRead();
        return r;
      }
      int pgoff = addr - vma.vmStart.get() + vma.vmPgoff.get();   // vmf->pgoff
      int seq = switch (mm.d.seqValidate()) {
        case MM -> mm.mmSeq.readBegin();
        case VMA -> vma.vmSequence.readBegin();        // vmf->sequence (even: writers hold mmap_sem(w))
        case NONE, DETACH -> 0;
      };
      Completion srcu = null;
      if (mm.d.vmaFreeDeferred()) {
        srcu = mm.vmaSrcu.readLock();
        mm.ghostPin(vma, true);
      }
      mm.ghostRetryDrop();
      mm.mmapSem.upRead();                              // no mmap_sem into the filesystem
      Page page = Fault26.vm_ops_fault(vma, pgoff, 0);  // ->fault(vma, &vmf)
      if (mm.d.faultLocksPage()) {
        page.lock.unlock();                             // keep a reference only: PG_locked nests inside mmap_sem
      }
      mm.mmapSem.downRead();
      boolean changed = changed(mm, vma, seq);
      if (srcu != null) {
        mm.ghostPin(vma, false);
        mm.vmaSrcu.readUnlock(srcu);
      }
      if (changed) {
        mm.mmapSem.upRead();
        continue;                                       // the mapping changed: retry
      }
      page.lock.lock();                                 // "scan the page cache" and map it, mmap_sem -> PG_locked
      Fault26.install(mm, addr, page, Fault26.writable(vmaFlags, fflags));
      page.lock.unlock();
      mm.mmapSem.upRead();
      return Fault26.Result.OK;
    }
  }

  /** The validation, under the re-taken mmap_sem(r). */
  private static boolean changed(Mm26 mm, Vma26 vma, int seq) {
    return switch (mm.d.seqValidate()) {
      case NONE -> false;
      case DETACH -> vma.vmRbEmpty.get();
      case VMA -> vma.vmRbEmpty.get() || vma.vmSequence.readRetry(seq);
      case MM -> mm.mmSeq.readRetry(seq);
    };
  }
}
