package dev.mmcheck.model.v2018;

import dev.mmcheck.engine.Completion;
import dev.mmcheck.model.ghost.AccessWindow.Outcome;
import dev.mmcheck.model.v2017.Fault17;
import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.Mmap17;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;

/**
 * The page-fault handler of the seed-004 disciplines: 4.16's x86 {@code __do_page_fault}
 * ({@code down_read(&mm->mmap_sem)}, {@code find_vma}, {@code bad_area} when no VMA covers the
 * address) extended with the VMA state the proposals add: a {@link Vma17#DELETED} VMA is a
 * {@code bad_area} (Wilcox: "page faults, eg will need to SIGBUS"; the model reports it as
 * {@code SEGV_MAPERR}); on a {@link Vma17#LOCKED} one the fault takes the VMA's completion,
 * drops {@code mmap_sem} (the remover needs it for write to finish), waits, and retries from the
 * top, looking the VMA up again. The rest is {@link Fault17#handle_mm_fault}. A proposal, never
 * in a kernel; the completion's lifetime (Wilcox: "a pointer to a struct completion" in the low
 * bit of {@code vm_file}) is not modelled: it is never freed.
 */
public final class Fault18 {
  private Fault18() {}

  /** A user access by the running thread (see {@link Fault17#user_access}) with this handler. */
  public static Outcome user_access(Mm17 mm, Task17 t, int addr, boolean write, int value) {
    return Fault17.user_access(mm, t, addr, write, value, Fault18::do_page_fault);
  }

  /** The fault handler (see the class comment). */
  public static Outcome do_page_fault(Mm17 mm, Task17 t, int addr, boolean write) {
    while (true) {
      mm.lock.readLock(addr, addr + 1);
      Vma17 v = Mmap17.find_vma(mm, t, addr);
      if (v == null || v.vmStart.get() > addr) {
        mm.lock.readUnlock(addr, addr + 1);
        return Outcome.SEGV_MAPERR;
      }
      int st = v.vmState.get();
      if (st == Vma17.DELETED) {
        mm.lock.readUnlock(addr, addr + 1);
        return Outcome.SEGV_MAPERR;
      }
      if (st == Vma17.LOCKED) {
        Completion c = v.vmWait.get();
        mm.lock.readUnlock(addr, addr + 1);
        c.waitForCompletion();
        continue;
      }
      if (write && (v.vmFlags.get() & Vma17.VM_WRITE) == 0) {
        mm.lock.readUnlock(addr, addr + 1);
        return Outcome.SEGV_ACCERR;
      }
      Fault17.handle_mm_fault(mm, addr, write);
      mm.lock.readUnlock(addr, addr + 1);
      return Outcome.OK;
    }
  }
}
