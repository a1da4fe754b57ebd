package dev.mmcheck.model;

/**
 * Linux 2.2.1 / 2.3.21 {@code mm/mremap.c}: {@code sys_mremap} ({@code down(mmap_sem)}, plus
 * {@code lock_kernel()} where the era's system calls take it) and {@code do_mremap}'s "can we
 * just expand the current mapping?" branch (seed 002 hunk): {@code vm_end = addr + new_len}
 * under {@code vmlist_modify_lock}, then {@code total_vm}/{@code locked_vm}. Moving a mapping
 * ({@code move_vma}) is not modelled; model/README says why.
 */
public final class Mremap {
  private Mremap() {}

  /** Returns true if the mapping was expanded in place. */
  public static boolean do_mremap(MmStruct mm, int addr, int oldLen, int newLen) {
    boolean sem = mm.discipline.syscallsTakeMmapSem();
    boolean bkl = mm.discipline.syscallsTakeBkl();
    if (sem) {
      mm.mmapDownWrite();
    }
    if (bkl) {
      mm.kernel.lockKernel();
    }
    mm.beginChange();
    boolean done = false;
    Vma vma = Mmap.find_vma(mm, addr);
    if (vma != null && vma.vmStart.get() <= addr && vma.vmEnd.get() == addr + oldLen) {
      Vma next = vma.vmNext.get();
      int maxAddr = next == null ? mm.pages() : next.vmStart.get();
      if (maxAddr - addr >= newLen) {
        int pages = newLen - oldLen;
        mm.vmlistModifyLock();
        vma.vmEnd.set(addr + newLen);
        mm.vmlistModifyUnlock();
        mm.totalVm.set(mm.totalVm.get() + pages);
        if ((vma.vmFlags.get() & Vma.VM_LOCKED) != 0) {
          mm.lockedVm.set(mm.lockedVm.get() + pages);
        }
        done = true;
      }
    }
    mm.endChange();
    if (bkl) {
      mm.kernel.unlockKernel();
    }
    if (sem) {
      mm.mmapUpWrite();
    }
    return done;
  }
}
