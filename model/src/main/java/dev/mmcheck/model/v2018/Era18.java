package dev.mmcheck.model.v2018;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The seed-004 disciplines (Mar 2018, "unmap large mapping by section" thread), as spelled in
 * configs ({@code mm.era}). The mm underneath is 4.16's: {@code mmap_sem} an rw_semaphore,
 * faults take it for read, PTE changes under {@code page_table_lock}.
 *
 * <pre>
 * era / knobs                          unmap of a large range                       MAP_FIXED over one         fault on a VMA being removed
 * ------------------------------------ -------------------------------------------- -------------------------- -----------------------------
 * 4.16                                 whole, under mmap_sem(w)                     atomic                     cannot happen
 * mark=NONE, mapFixedAtomic=true       by sections, mmap_sem dropped between        atomic (RFC 2/8)           sees it until its section
 *   (Yang Shi's RFC as posted)                                                                                 goes (succeeds)
 * mark=NONE                            by sections                                  by sections too            no VMA in the gap: SIGSEGV
 *   (Dufour: rely on the PTE lock)
 * mark=DELETED                         mark (w), drop, zap, re-take, remove         the same, then insert      SIGSEGV at once
 *   (Wilcox 21 Mar)
 * 2018-vma-lock (mark=LOCKED)          mark (w), drop, zap, re-take, remove,        the same, insert, then     waits on the completion,
 *   (Wilcox 22 Mar, the seed)          complete_all                                 complete_all               retries
 * </pre>
 *
 * {@code 4.16}: mm/mmap.c {@code do_munmap} (split the partial VMAs, detach, {@code unmap_region},
 * {@code remove_vma}) as read in a 4.14-era copy in the code index, and {@code mmap_region}'s
 * "Clear old maps" loop as quoted by RFC 2/8; never released with sections. None of the other
 * rows was merged; per-VMA locks (6.4) took the "locked VMA" idea much later.
 */
public enum Era18 {
  E4_16("4.16", new Discipline18(false, true, Discipline18.Mark.NONE, false)),
  E2018_VMA_LOCK("2018-vma-lock", new Discipline18(true, false, Discipline18.Mark.LOCKED, false));

  private final String id;
  private final Discipline18 discipline;

  Era18(String id, Discipline18 discipline) {
    this.id = id;
    this.discipline = discipline;
  }

  public String id() {
    return id;
  }

  public Discipline18 discipline() {
    return discipline;
  }

  /** Parses a config value; the error lists the valid ones. */
  public static Era18 parse(String s) {
    for (Era18 e : values()) {
      if (e.id.equals(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown mm.era '" + s + "' for a seed-004 scenario; valid: "
        + Arrays.stream(values()).map(Era18::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
