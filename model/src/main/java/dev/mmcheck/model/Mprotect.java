package dev.mmcheck.model;

/**
 * Linux 2.3.20/2.3.21 {@code mm/mprotect.c}: {@code sys_mprotect} and the four
 * {@code mprotect_fixup_*} functions (bodies in {@link Split}, era-ordered). Simplified: the range
 * lies inside one VMA; {@code change_protection()} of the PTEs is not modelled (PTE protection
 * is implied by the VMA flags).
 */
public final class Mprotect {
  private Mprotect() {}

  /**
   * {@code sys_mprotect(start, len, prot)}: {@code down(&mm->mmap_sem)} unless 1998 (seed 000:
   * "when splitting a vma due to a change in access permissions (mprotect()) ... the mmap_sem
   * isn't taken"), {@code find_vma}, the fixup, {@code merge_segments} under
   * {@code vmlist_modify_lock}, {@code up}.
   */
  public static void sys_mprotect(MmStruct mm, int start, int len, int newFlags) {
    boolean sem = mm.discipline.syscallsTakeMmapSem();
    if (sem) {
      mm.mmapSem.down();
    }
    mm.beginChange();
    Vma vma = Mmap.find_vma(mm, start);
    if (vma != null && vma.vmStart.get() <= start) {
      Split.fixup(vma, start, start + len, newFlags);
      if (mm.mergeAfterFixup) {
        mm.vmlistModifyLock();
        Mmap.merge_segments(mm, start, start + len);
        mm.vmlistModifyUnlock();
      }
    }
    mm.endChange();
    if (sem) {
      mm.mmapSem.up();
    }
  }

  /** {@code mprotect_fixup_all()}. */
  public static void mprotect_fixup_all(Vma vma, int newFlags) {
    Split.all(vma, newFlags);
  }

  /** {@code mprotect_fixup_start()}. */
  public static void mprotect_fixup_start(Vma vma, int end, int newFlags) {
    Split.start(vma, end, newFlags);
  }

  /** {@code mprotect_fixup_end()}. */
  public static void mprotect_fixup_end(Vma vma, int start, int newFlags) {
    Split.end(vma, start, newFlags);
  }

  /** {@code mprotect_fixup_middle()}. */
  public static void mprotect_fixup_middle(Vma vma, int start, int end, int newFlags) {
    Split.middle(vma, start, end, newFlags);
  }
}
