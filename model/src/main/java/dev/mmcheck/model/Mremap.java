package dev.mmcheck.model;

/**
 * Linux 2.3.21 {@code mm/mremap.c do_mremap()}, the "can we just expand the current mapping?"
 * branch only (seed 002 hunk): {@code vm_end = addr + new_len} under {@code vmlist_modify_lock},
 * then {@code total_vm}/{@code locked_vm}. Moving a mapping ({@code move_vma}) is not modelled.
 */
public final class Mremap {
  private Mremap() {}

  /** Returns true if the mapping was expanded in place. */
  public static boolean do_mremap(MmStruct mm, int addr, int oldLen, int newLen) {
    boolean sem = mm.discipline.syscallsTakeMmapSem();
    if (sem) {
      mm.mmapSem.down();
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
    if (sem) {
      mm.mmapSem.up();
    }
    return done;
  }
}
