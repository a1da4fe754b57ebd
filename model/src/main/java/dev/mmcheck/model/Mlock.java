package dev.mmcheck.model;

/**
 * {@code mm/mlock.c} of Linux 2.2.1 / 2.3.21: {@code sys_mlock} and {@code mlock_fixup_*} (bodies
 * in {@link Split}: the seed 002 hunks are the same as mprotect's), plus {@code locked_vm}
 * accounting. Simplified: the range lies inside one VMA; {@code make_pages_present} is not
 * modelled.
 */
public final class Mlock {
  private Mlock() {}

  /**
   * {@code sys_mlock(start, len)}: 2.2.1 {@code down(&current->mm->mmap_sem); lock_kernel();}
   * (mm/mlock.c), {@code do_mlock}, {@code merge_segments}, unlock; no {@code mmap_sem} in 1998
   * (seed 000 names mlock()); 2.3.21 assumed like its {@code sys_mprotect} (mmap_sem only; its
   * sys_mlock was not read).
   */
  public static void sys_mlock(MmStruct mm, int start, int len) {
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
      int flags = vma.vmFlags.get() | Vma.VM_LOCKED;
      Split.fixup(vma, start, start + len, flags, null);
      mm.lockedVm.set(mm.lockedVm.get() + len);
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

  /** {@code mlock_fixup_all()}. */
  public static void mlock_fixup_all(Vma vma, int newFlags) {
    Split.all(vma, newFlags, null);
  }

  /** {@code mlock_fixup_start()}. */
  public static void mlock_fixup_start(Vma vma, int end, int newFlags) {
    Split.start(vma, end, newFlags, null);
  }

  /** {@code mlock_fixup_end()}. */
  public static void mlock_fixup_end(Vma vma, int start, int newFlags) {
    Split.end(vma, start, newFlags, null);
  }

  /** {@code mlock_fixup_middle()}. */
  public static void mlock_fixup_middle(Vma vma, int start, int end, int newFlags) {
    Split.middle(vma, start, end, newFlags, null);
  }
}
