package dev.mmcheck.model;

/**
 * Linux 2.3.20/2.3.21 {@code mm/mlock.c}: {@code sys_mlock} and {@code mlock_fixup_*} (bodies in
 * {@link Split}: the seed 002 hunks are the same as mprotect's), plus {@code locked_vm}
 * accounting. Simplified: the range lies inside one VMA; {@code make_pages_present} is not
 * modelled.
 */
public final class Mlock {
  private Mlock() {}

  /** {@code sys_mlock(start, len)}: mmap_sem unless 1998 (seed 000 names mlock()). */
  public static void sys_mlock(MmStruct mm, int start, int len) {
    boolean sem = mm.discipline.syscallsTakeMmapSem();
    if (sem) {
      mm.mmapSem.down();
    }
    mm.beginChange();
    Vma vma = Mmap.find_vma(mm, start);
    if (vma != null && vma.vmStart.get() <= start) {
      int flags = vma.vmFlags.get() | Vma.VM_LOCKED;
      Split.fixup(vma, start, start + len, flags);
      mm.lockedVm.set(mm.lockedVm.get() + len);
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

  /** {@code mlock_fixup_all()}. */
  public static void mlock_fixup_all(Vma vma, int newFlags) {
    Split.all(vma, newFlags);
  }

  /** {@code mlock_fixup_start()}. */
  public static void mlock_fixup_start(Vma vma, int end, int newFlags) {
    Split.start(vma, end, newFlags);
  }

  /** {@code mlock_fixup_end()}. */
  public static void mlock_fixup_end(Vma vma, int start, int newFlags) {
    Split.end(vma, start, newFlags);
  }

  /** {@code mlock_fixup_middle()}. */
  public static void mlock_fixup_middle(Vma vma, int start, int end, int newFlags) {
    Split.middle(vma, start, end, newFlags);
  }
}
