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
 * era            write(): copy_from_user   fault method     MADV_REMOVE ->            filemap_fault   fault calls    i_mmap
 *                while page locked         returns page     vmtruncate_range          ALLOW_RETRY     -&gt;fault with   lock
 * -------------- ------------------------- ---------------- ------------------------- --------------- -------------- --------
 * 2.6.20         yes (may fault)           unlocked         under mmap_sem(w)         no              mmap_sem held  spinlock
 *                                          (-&gt;nopage)
 * 2.6.23         yes (may fault)           locked           mmap_sem(r), dropped      no              mmap_sem held  spinlock
 * 2.6.24         no: prefault, atomic copy locked           mmap_sem(r), dropped      no              mmap_sem held  spinlock
 * 2.6.37         no                        locked           mmap_sem(r), dropped      yes (drop,      mmap_sem held  spinlock
 *                                                                                     retry)
 * 2013-seqcount  no                        locked           mmap_sem(r), dropped      yes             dropped; mm    mutex
 *                                                                                                     seqcount check
 * </pre>
 *
 * <ul>
 *   <li>{@code 2.6.20}: read in github sagsango/linux-2.6.20 (an annotated tree; code lines only):
 *       mm/madvise.c (b4e755b6) {@code sys_madvise} does {@code down_write(&current->mm->mmap_sem)}
 *       for every behaviour and {@code madvise_remove} returns {@code vmtruncate_range()}, which
 *       takes {@code i_mutex} and {@code i_alloc_sem}, with mmap_sem(w) held; mm/filemap.c
 *       (0632daa4) {@code generic_file_buffered_write} prefaults, locks the page
 *       ({@code __grab_cache_page}) and copies with faults enabled; {@code filemap_nopage} locks
 *       a page only when it must read it. MADV_REMOVE has had this shape since Badari Pulavarty's
 *       patch against 2.6.14 (Nov 2005, then with {@code i_sem}); the fix is Hugh Dickins'
 *       "[PATCH 4/4] holepunch: fix mmap_sem i_mutex deadlock" (28 Mar 2007, Message-Id
 *       Pine.LNX.4.64.0703281552520.11726@blonde.wat.veritas.com; mainline 90ed52ebe481 per
 *       LOCKING-HISTORY, release not verified), whose "-" lines are the 2.6.20 code.
 *   <li>{@code 2.6.23}: the 2.6.20 write path (08291429cfa6 fixed it in 2.6.24) with the
 *       {@code ->fault} API of 2.6.24 and the madvise of 2.6.24. The 2.6.23 tree itself was not
 *       read: the write path is taken from 2.6.20 and 08291429cfa6's description, the fault
 *       method and madvise from 2.6.24 (both madvise patches were posted in Mar/Apr 2007, half a
 *       year before 2.6.23; their merge release is not verified). No config of this era
 *       exercises madvise.
 *   <li>{@code 2.6.24}: 08291429cfa6 "mm: fix pagecache write deadlocks" (Nick Piggin): atomic
 *       copy while the page is locked, fault the source in with no page lock held, retry
 *       (mm/filemap.c {@code generic_perform_write}, read in github
 *       HelloWangDiSheng/Linux-2.6.24-LatestModified- 58d1b3e2, with {@code filemap_fault} and
 *       mm/memory.c {@code __do_fault}). {@code madvise_need_mmap_write()} returns 0 for
 *       MADV_REMOVE, so {@code sys_madvise} takes mmap_sem for read, and {@code madvise_remove}
 *       does {@code up_read}, {@code vmtruncate_range}, {@code down_read} (the fidelity audit read
 *       github fulei0920/linux-2.6.24 mm/madvise.c; here the same lines were read in Nick
 *       Piggin's "[patch] mm: madvise avoid exclusive mmap_sem", 12 Apr 2007, Message-Id
 *       20070412005638.GA25469@wotan.suse.de, and in a later mm/madvise.c).
 *   <li>{@code 2.6.37}: d065bd810b6d "mm: retry page fault when blocking on disk transfer"
 *       (Michel Lespinasse): {@code filemap_fault} drops mmap_sem instead of sleeping on the
 *       page lock and returns {@code VM_FAULT_RETRY}; x86 {@code do_page_fault} clears
 *       {@code FAULT_FLAG_ALLOW_RETRY}, re-takes mmap_sem, looks the VMA up again and retries
 *       once ({@code FAULT_FLAG_TRIED} is 3.5 and not set here). Reconstructed from the commit
 *       description and later code of the same shape; the 2.6.37 tree was not read.
 *   <li>{@code 2013-seqcount}: the LSFMM 2013 ideas (seed 001), never merged as such: every path
 *       into the filesystem drops mmap_sem (faults and {@code get_user_pages}); a fault validates
 *       an mm-wide sequence count after the filesystem call and retries if the address space
 *       changed; the VMA handed to {@code ->fault} is kept allocated by SRCU-deferred freeing
 *       (seed 001: "measures would have to be taken to keep the relevant VMA and file
 *       structures around"; the measure is the one the speculative-page-fault series took).
 *       {@code i_mmap_mutex} is the 3.0+ name (a spinlock before).
 * </ul>
 *
 * Knobs of {@link Discipline26#withOverrides} flip single choices (e.g. the retry that reuses
 * the stale VMA pointer, or a {@code get_user_pages} still calling the filesystem with mmap_sem).
 */
public enum Era26 {
  E2_6_20("2.6.20", new Discipline26(true, false, true, false, false, true, false, Discipline26.SeqValidate.NONE,
      false, false)),
  E2_6_23("2.6.23", new Discipline26(true, true, false, true, false, true, false, Discipline26.SeqValidate.NONE,
      false, false)),
  E2_6_24("2.6.24", new Discipline26(false, true, false, true, false, true, false, Discipline26.SeqValidate.NONE,
      false, false)),
  E2_6_37("2.6.37", new Discipline26(false, true, false, true, true, true, false, Discipline26.SeqValidate.NONE,
      false, false)),
  E2013_SEQCOUNT("2013-seqcount", new Discipline26(false, true, false, true, true, true, true,
      Discipline26.SeqValidate.MM, true, true));

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
