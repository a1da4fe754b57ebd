package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * {@code mm/mprotect.c} of Linux 2.2.1 / 2.3.21 (seed 002 hunks): {@code sys_mprotect}, the four
 * {@code mprotect_fixup_*} functions (bodies in {@link Split}, era-ordered) and
 * {@code change_protection}. Simplified: the range lies inside one VMA.
 */
public final class Mprotect {
  private Mprotect() {}

  /**
   * {@code sys_mprotect(start, len, prot)}: {@code down(&mm->mmap_sem)} unless 1998 (seed 000:
   * "when splitting a vma due to a change in access permissions (mprotect()) ... the mmap_sem
   * isn't taken"), then {@code lock_kernel()} where the era's system calls take it (2.2.1; not
   * 2.3.21, whose {@code sys_mprotect} ends with {@code up(mmap_sem)} alone in seed 002's
   * context), {@code find_vma}, {@code mprotect_fixup}, {@code merge_segments} (under
   * {@code vmlist_modify_lock} with the patch), unlock.
   */
  public static void sys_mprotect(MmStruct mm, int start, int len, int newFlags) {
    Discipline d = mm.discipline;
    if (d.syscallsTakeMmapSem()) {
      mm.mmapDownWrite();
    }
    if (d.syscallsTakeBkl()) {
      mm.kernel.lockKernel();
    }
    mm.beginChange();
    Vma vma = Mmap.find_vma(mm, start);
    if (vma != null && vma.vmStart.get() <= start) {
      mprotect_fixup(vma, start, start + len, newFlags);
      if (mm.mergeAfterFixup) {
        mm.vmlistModifyLock();
        Mmap.merge_segments(mm, start, start + len);
        mm.vmlistModifyUnlock();
      }
    }
    mm.endChange();
    if (d.syscallsTakeBkl()) {
      mm.kernel.unlockKernel();
    }
    if (d.syscallsTakeMmapSem()) {
      mm.mmapUpWrite();
    }
  }

  /**
   * 2.2.1 {@code mprotect_fixup(vma, start, end, newflags)}: nothing if the flags do not change;
   * else {@code newprot = protection_map[newflags]}, the fixup, then
   * {@code change_protection(start, end, newprot)}.
   */
  public static void mprotect_fixup(Vma vma, int start, int end, int newFlags) {
    if (vma.vmFlags.get() == newFlags) {
      return;
    }
    int newProt = Vma.protectionMap(newFlags);
    Split.fixup(vma, start, end, newFlags, newProt);
    change_protection(vma.mm, start, end, newProt);
  }

  /**
   * 2.2.1 {@code change_protection(start, end, newprot)}: every present PTE in the range gets
   * {@code pte_modify(pte, newprot)} (writable iff {@code newprot} is, dirty bit kept). 2.4.0
   * takes {@code page_table_lock} around the walk; 2.2.1 relies on {@code mmap_sem} and the BKL.
   */
  public static void change_protection(MmStruct mm, int start, int end, int newProt) {
    boolean ptl = mm.discipline.faultLock() == Discipline.FaultLock.PTL;
    if (ptl) {
      mm.pageTableLock.lock();
    }
    for (int a = start; a < end && a < mm.pages(); a++) {
      Cell<Pte> pt = mm.pte(a);
      Pte p = pt.get();
      if (p != null && p.present()) {
        pt.set(new Pte(a, true, p.page(), p.file(), Vma.protWritable(newProt), p.dirty()));
      }
    }
    if (ptl) {
      mm.pageTableLock.unlock();
    }
  }

  /** {@code mprotect_fixup_all()}. */
  public static void mprotect_fixup_all(Vma vma, int newFlags) {
    Split.all(vma, newFlags, Vma.protectionMap(newFlags));
  }

  /** {@code mprotect_fixup_start()}. */
  public static void mprotect_fixup_start(Vma vma, int end, int newFlags) {
    Split.start(vma, end, newFlags, Vma.protectionMap(newFlags));
  }

  /** {@code mprotect_fixup_end()}. */
  public static void mprotect_fixup_end(Vma vma, int start, int newFlags) {
    Split.end(vma, start, newFlags, Vma.protectionMap(newFlags));
  }

  /** {@code mprotect_fixup_middle()}. */
  public static void mprotect_fixup_middle(Vma vma, int start, int end, int newFlags) {
    Split.middle(vma, start, end, newFlags, Vma.protectionMap(newFlags));
  }
}
