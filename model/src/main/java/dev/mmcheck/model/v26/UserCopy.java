package dev.mmcheck.model.v26;

/**
 * Kernel access to user memory (include/asm-x86/uaccess.h, include/linux/pagemap.h, 2.6): the
 * MMU reads the PTE without locks; a miss is a page fault that takes mmap_sem like a user fault,
 * unless page faults are disabled ({@code pagefault_disable}: the "atomic" copy fails instead).
 * A user page is named by its address; its data is not modelled.
 */
public final class UserCopy {
  private UserCopy() {}

  /** {@code fault_in_pages_readable(buf, len)}: touch the page, faulting it in if needed. */
  public static void fault_in_pages_readable(Mm26 mm, int buf) {
    copy_from_user(mm, buf);
  }

  /** {@code copy_from_user()} / {@code __copy_from_user()}: may fault (and sleep). */
  public static Fault26.Result copy_from_user(Mm26 mm, int buf) {
    if (mm.pte(buf).get() != null) {
      return Fault26.Result.OK;
    }
    return Fault26.user_fault(mm, buf);
  }

  /**
   * {@code __copy_from_user_inatomic()} under {@code pagefault_disable()}
   * ({@code iov_iter_copy_from_user_atomic}, 2.6.24): true if the page was present, else a
   * short (zero) copy, never a fault.
   */
  public static boolean copy_from_user_atomic(Mm26 mm, int buf) {
    return mm.pte(buf).get() != null;
  }

  /**
   * A path that holds mmap_sem(r) and reads a user word with faults enabled: the fault handler
   * takes mmap_sem(r) a second time. Kernel rwsem readers are not recursive: a writer queued in
   * between blocks the second down_read (LOCKING-HISTORY section 3). With {@code nested} false,
   * the fixed shape: an atomic access under {@code pagefault_disable}; on a miss,
   * {@code up_read}, fault the page in, retake mmap_sem and retry (2.6.22-era {@code futex_wait}:
   * {@code get_futex_value_locked} under {@code futex_lock_mm}; kernel/futex.c, code index).
   */
  public static void get_user_under_mmap_sem(Mm26 mm, int addr, boolean nested) {
    mm.mmapSem.downRead();
    while (true) {
      mm.find_vma(addr);
      if (nested) {
        copy_from_user(mm, addr);                      // may fault: down_read again
        break;
      }
      if (copy_from_user_atomic(mm, addr)) {
        break;
      }
      mm.mmapSem.upRead();
      copy_from_user(mm, addr);                        // fault it in without mmap_sem held
      mm.mmapSem.downRead();
    }
    mm.mmapSem.upRead();
  }
}
