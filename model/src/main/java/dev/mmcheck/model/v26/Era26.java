package dev.mmcheck.model.v26;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The locking disciplines of part 2 (Linux 2.6 and the 2013 LSFMM proposals, seed 001), as
 * spelled in configs ({@code mm.era}). Each maps to one {@link Discipline26}; this table is the
 * whole difference between them. In every era {@code mmap_sem} is a kernel rw_semaphore (faults
 * take it for read) and {@code inode->i_mutex} a mutex.
 *
 * <pre>
 * era            write(): copy_from_user    MADV_REMOVE ->        filemap_fault     fault calls    i_mmap
 *                while page locked          vmtruncate_range      ALLOW_RETRY       -&gt;fault with   lock
 * -------------- -------------------------- --------------------- ----------------- -------------- ------------
 * 2.6.23         yes (may fault)            under mmap_sem(w)     no                mmap_sem held  spinlock
 * 2.6.24         no: prefault, atomic copy  under mmap_sem(w)     no                mmap_sem held  spinlock
 * 2.6.37         no                         drops mmap_sem first  yes (drop, retry) mmap_sem held  spinlock
 * 2013-seqcount  no                         drops mmap_sem first  yes               dropped; mm    mutex
 *                                                                                   seqcount check
 * </pre>
 *
 * <ul>
 *   <li>{@code 2.6.23}: mm/filemap.c {@code generic_file_buffered_write} copies with
 *       {@code filemap_copy_from_user}, whose fallback {@code __copy_from_user} may fault while
 *       the destination page is locked: the three deadlocks of 08291429cfa6.
 *   <li>{@code 2.6.24}: 08291429cfa6 "mm: fix pagecache write deadlocks" (Nick Piggin): atomic
 *       copy while the page is locked, fault the source in with no page lock held, retry.
 *       {@code madvise_remove} still holds mmap_sem(w) into {@code vmtruncate_range}
 *       (fixed in mainline by 90ed52ebe481 and in 2.6.16-stable by 4879e0dfe9c9 "holepunch: fix
 *       mmap_sem i_mutex deadlock"; the first mainline release with it is not verified here, only
 *       that it precedes 2.6.37).
 *   <li>{@code 2.6.37}: d065bd810b6d "mm: retry page fault when blocking on disk transfer"
 *       (Michel Lespinasse): {@code filemap_fault} drops mmap_sem instead of sleeping on the
 *       page lock and returns {@code VM_FAULT_RETRY}; x86 {@code do_page_fault} re-takes it,
 *       looks the VMA up again and retries once.
 *   <li>{@code 2013-seqcount}: the LSFMM 2013 ideas (seed 001), never merged as such: every path
 *       into the filesystem drops mmap_sem (faults and {@code get_user_pages}); a fault validates
 *       an mm-wide sequence count after the filesystem call and retries if the address space
 *       changed. {@code i_mmap_mutex} is the 3.0+ name (a spinlock before).
 * </ul>
 *
 * Knobs of {@link Discipline26#withOverrides} flip single choices (e.g. the retry that reuses
 * the stale VMA pointer, or a {@code get_user_pages} still calling the filesystem with mmap_sem).
 */
public enum Era26 {
  E2_6_23("2.6.23", new Discipline26(true, false, false, true, false, Discipline26.SeqValidate.NONE, false)),
  E2_6_24("2.6.24", new Discipline26(false, false, false, true, false, Discipline26.SeqValidate.NONE, false)),
  E2_6_37("2.6.37", new Discipline26(false, true, true, true, false, Discipline26.SeqValidate.NONE, false)),
  E2013_SEQCOUNT("2013-seqcount", new Discipline26(false, true, true, true, true, Discipline26.SeqValidate.MM, true));

  private final String id;
  private final Discipline26 discipline;

  Era26(String id, Discipline26 discipline) {
    this.id = id;
    this.discipline = discipline;
  }

  /** The config spelling, e.g. {@code 2.6.37}. */
  public String id() {
    return id;
  }

  public Discipline26 discipline() {
    return discipline;
  }

  /** True for the 2.6 eras where {@code i_mmap} is guarded by the spinlock {@code i_mmap_lock}. */
  public boolean immapIsSpinlock() {
    return this != E2013_SEQCOUNT;
  }

  /** Parses a config value; the error lists the valid ones. */
  public static Era26 parse(String s) {
    for (Era26 e : values()) {
      if (e.id.equals(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown mm.era '" + s + "' for a part-2 scenario; valid: "
        + Arrays.stream(values()).map(Era26::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
