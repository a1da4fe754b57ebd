package dev.mmcheck.model.v26;

import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Vma;

/**
 * The 2013 proposal (seed 001): a fault that does not hold mmap_sem while the filesystem works.
 * Michel Lespinasse's shape: look the VMA up under mmap_sem(r), note what the filesystem needs
 * (file, page offset) and the address-space sequence count, drop mmap_sem, call {@code ->fault},
 * re-take mmap_sem, and install the page only if the count shows no change; otherwise retry.
 * Never merged in this form; the closest later code is speculative page faults (seed 003) and
 * per-VMA locks (6.4). The page comes back locked from {@code ->fault}; it is unlocked before
 * mmap_sem is re-taken and locked again under it: re-taking mmap_sem with the page still locked
 * inverts the documented order (PG_locked -> mmap_sem, the third deadlock of 08291429cfa6 against
 * mlock's {@code get_user_pages}); the documented-lock-order property reports that shape at
 * once. Simplified: the file is kept alive by {@code get_file} (not modelled); an
 * anonymous fault never drops mmap_sem.
 *
 * <p>{@link Discipline26.SeqValidate} selects the check: {@code MM} (an mm-wide seqcount bumped
 * by every munmap/mmap, catches Hugh Dickins' case), {@code VMA} (a counter of the VMA found at
 * the address: a VMA unmapped and replaced by a new one with a fresh counter passes), {@code NONE}.
 */
public final class SeqFault {
  private SeqFault() {}

  /** The fault handler of the 2013 era; also the path {@code get_user_pages} takes when it drops mmap_sem. */
  public static Fault26.Result do_page_fault(Mm26 mm, int addr) {
    while (true) {
      mm.mmapSem.downRead();
      Vma vma = mm.find_vma(addr);
      if (vma == null || vma.vmStart.get() > addr) {
        mm.mmapSem.upRead();
        return Fault26.Result.SIGSEGV;
      }
      if (mm.pte(addr).get() != null) {
        mm.mmapSem.upRead();
        return Fault26.Result.OK;
      }
      Inode f = vma.vmFile.get();
      if (f == null) {
        Fault26.Result r = Fault26.do_anonymous_page(mm, addr);
        mm.mmapSem.upRead();
        return r;
      }
      Inode26 file = Inode26.of(f);
      int pgoff = addr - vma.vmStart.get() + vma.vmOffset.get();
      int seq = mm.d.seqValidate() == Discipline26.SeqValidate.MM ? mm.mmSeq.readBegin() : 0;
      int vseq = mm.d.seqValidate() == Discipline26.SeqValidate.VMA ? mm.vmaSeq(vma).get() : 0;
      mm.ghostRetryDrop();
      mm.mmapSem.upRead();                              // no mmap_sem into the filesystem
      Page page = Fault26.vm_ops_fault(mm, file, pgoff, 0);
      page.lock.unlock();                               // keep a reference only: PG_locked nests inside mmap_sem
      mm.mmapSem.downRead();
      if (changed(mm, addr, seq, vseq)) {
        mm.mmapSem.upRead();
        continue;                                       // the address space changed: retry
      }
      page.lock.lock();                                 // "scan the page cache" and map it, mmap_sem -> PG_locked
      Fault26.install(mm, addr, page);
      page.lock.unlock();
      mm.mmapSem.upRead();
      return Fault26.Result.OK;
    }
  }

  private static boolean changed(Mm26 mm, int addr, int seq, int vseq) {
    return switch (mm.d.seqValidate()) {
      case NONE -> false;
      case MM -> mm.mmSeq.readRetry(seq);
      case VMA -> {
        Vma now = mm.find_vma(addr);
        yield now == null || now.vmStart.get() > addr || mm.vmaSeq(now).get() != vseq;
      }
    };
  }
}
