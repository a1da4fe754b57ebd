package dev.mmcheck.model.v2017;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The fork and range-lock eras of part 3 (seed 003), as spelled in configs ({@code mm.era}).
 * Each maps to one {@link Discipline17}; this table is the whole difference between them.
 *
 * <pre>
 * era         mmap_sem           BKL   page_table_lock     dup_mmap locks the      VMA list   vmacache
 *                                      around PTE changes  parent's mm             lock
 * ----------- ------------------ ----- ------------------- ----------------------- ---------- --------
 * 2.2.1       semaphore          yes   no (BKL)            down() in do_fork       -          -
 * 2.4.20      rw_semaphore       no    yes; dup_mmap holds down_write in copy_mm   -          -
 *                                      the child's while
 *                                      copy_page_range
 *                                      takes the parent's
 * 2017-range  range lock, real   no    yes, as 2.4.20      full range, write       none       inside
 *             ranges
 * </pre>
 *
 * <ul>
 *   <li>{@code 2.2.1}: kernel/fork.c {@code do_fork} takes {@code down(&current->mm->mmap_sem)}
 *       then {@code lock_kernel()} for the whole fork; {@code dup_mmap} copies each VMA
 *       ({@code *tmp = *mpnt}) and calls {@code copy_page_range}, then links the copy; read in
 *       a 2.2-era kernel/fork.c of the code index (file id 1354591693: {@code MUTEX_LOCKED}
 *       child {@code mmap_sem}, {@code copy_mm(nr, ...)}), which matches the fidelity audit's
 *       reading of jur/linux-2.2.1-ps2. The 2.2.1 fault handler and {@code handle_mm_fault} /
 *       syscalls: as the part-1 model (mmap_sem, then the BKL).
 *   <li>{@code 2.4.20}: kernel/fork.c {@code copy_mm}: {@code down_write(&oldmm->mmap_sem);
 *       retval = dup_mmap(mm); up_write(&oldmm->mmap_sem);}; {@code dup_mmap} links each copy
 *       and calls {@code copy_page_range} under {@code spin_lock(&mm->page_table_lock)} (the
 *       child's); mm/memory.c {@code copy_page_range} ("dst->page_table_lock is held on entry")
 *       takes {@code spin_lock(&src->page_table_lock)} around the PTE loop and, for a COW mapping
 *       ({@code (vm_flags & (VM_SHARED | VM_MAYWRITE)) == VM_MAYWRITE}), write-protects the
 *       parent's PTE and gives the child the same read-only PTE with {@code get_page}. Read in
 *       github sndrzt/linux-2.4.20.lite (kernel/fork.c, mm/memory.c).
 *   <li>{@code 2017-range}: Dufour's RFC (seed 003) with real ranges: {@code dup_mmap} takes the
 *       parent's full range for write, exactly as the RFC's kernel/fork.c hunk
 *       ({@code range_rwlock_init_full(&oldrange); range_write_lock_interruptible(&oldmm->mmap_rw_tree,
 *       &oldrange)}, and the child's full range for write), read in RFC 4/4; a fault locks its
 *       page, munmap/mprotect/mmap lock their range (this model's choice of "real ranges"). The
 *       4.x fault, COW and munmap paths are modelled on the 2.4.20 ones read here (4.11 sources
 *       were not read); {@code vmacache} from mm/vmacache.c as read in the code index.
 * </ul>
 *
 * The knobs of {@link Discipline17#withOverrides} vary one choice: {@code fullRange=true} is
 * Dufour's step 1, {@code dupLock} is seed 003's first question, {@code listLock} and
 * {@code vmacache} its second.
 */
public enum Era17 {
  E2_2_1("2.2.1", new Discipline17(MmLock.Kind.SEMAPHORE, true, false, false, Discipline17.DupLock.WRITE,
      Discipline17.ListLock.NONE, Discipline17.Vmacache.NONE)),
  E2_4_20("2.4.20", new Discipline17(MmLock.Kind.RWSEM, false, true, false, Discipline17.DupLock.WRITE,
      Discipline17.ListLock.NONE, Discipline17.Vmacache.NONE)),
  E2017_RANGE("2017-range", new Discipline17(MmLock.Kind.RANGE, false, true, false, Discipline17.DupLock.WRITE,
      Discipline17.ListLock.NONE, Discipline17.Vmacache.INSIDE));

  private final String id;
  private final Discipline17 discipline;

  Era17(String id, Discipline17 discipline) {
    this.id = id;
    this.discipline = discipline;
  }

  /** The config spelling, e.g. {@code 2017-range}. */
  public String id() {
    return id;
  }

  public Discipline17 discipline() {
    return discipline;
  }

  /** Parses a config value; the error lists the valid ones. */
  public static Era17 parse(String s) {
    for (Era17 e : values()) {
      if (e.id.equals(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown mm.era '" + s + "' for a part-3 fork/range scenario; valid: "
        + Arrays.stream(values()).map(Era17::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
