package dev.mmcheck.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The five locking disciplines of part 1, as they are spelled in configs ({@code mm.era}). Each
 * maps to one {@link Discipline}; the table below is the whole difference between them.
 *
 * <pre>
 * era         mmap_sem in munmap/  kswapd's     split field   ptrace      mmap_cache=NULL  swapout()  BKL interlock
 *             mprotect/mlock       vmlist lock  update order  (fault)     in munmap        gets       in do_munmap
 * ----------- -------------------- ------------ ------------- ----------- ---------------- ---------- ------------
 * 1998        no                   none         piecemeal     no lock     at the end       vma        no
 * 1998-fixed  yes                  none         piecemeal     then lock   at the end       vma        no
 * 1999-pre    yes                  none         piecemeal     then lock   at the end       vma        yes
 * 1999-patch  yes                  semaphore    together      lock first  inside the lock  vma        yes
 * 1999-final  yes                  page_table_  together      lock first  inside the lock  fields     yes
 *                                  lock
 * </pre>
 *
 * <ul>
 *   <li>{@code 1998}: Linux 2.1.x as Mark Hemment's mail of 16 Jan 1998 (seed 000) describes it.
 *   <li>{@code 1998-fixed}: the same code with mmap_sem always taken, as Hemment proposes.
 *   <li>{@code 1999-pre}: Linux 2.3.20, the code seed 002's patch applies to (the "-" lines).
 *   <li>{@code 1999-patch}: seed 002 as posted on 14 Oct 1999 (vmlist lock = a semaphore).
 *   <li>{@code 1999-final}: 2.3.21+, the vmlist lock macros mapped onto
 *       {@code mm->page_table_lock} four days later (Message-Id 199910181945.MAA81369@...).
 *       The switch of the driver {@code swapout()} to scalar arguments is attributed to this era
 *       as seed 002 proposes it; the exact version it landed in is not verified.
 * </ul>
 */
public enum Era {
  E1998("1998", new Discipline(false, Discipline.VmlistLock.NONE, false,
      Discipline.PtraceOrder.NO_LOCK, false, false, false)),
  E1998_FIXED("1998-fixed", new Discipline(true, Discipline.VmlistLock.NONE, false,
      Discipline.PtraceOrder.LOOKUP_THEN_LOCK, false, false, false)),
  E1999_PRE("1999-pre", new Discipline(true, Discipline.VmlistLock.NONE, false,
      Discipline.PtraceOrder.LOOKUP_THEN_LOCK, false, false, true)),
  E1999_PATCH("1999-patch", new Discipline(true, Discipline.VmlistLock.SEMAPHORE, true,
      Discipline.PtraceOrder.LOCK_THEN_LOOKUP, true, false, true)),
  E1999_FINAL("1999-final", new Discipline(true, Discipline.VmlistLock.PAGE_TABLE_LOCK, true,
      Discipline.PtraceOrder.LOCK_THEN_LOOKUP, true, true, true));

  private final String id;
  private final Discipline discipline;

  Era(String id, Discipline discipline) {
    this.id = id;
    this.discipline = discipline;
  }

  /** The config spelling, e.g. {@code 1999-patch}. */
  public String id() {
    return id;
  }

  /** The locking discipline of this era. */
  public Discipline discipline() {
    return discipline;
  }

  /** Parses a config value; the error lists the valid ones. */
  public static Era parse(String s) {
    for (Era e : values()) {
      if (e.id.equals(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown mm.era '" + s + "'; valid: "
        + Arrays.stream(values()).map(Era::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
