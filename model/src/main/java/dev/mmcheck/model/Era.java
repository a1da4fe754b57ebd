package dev.mmcheck.model;

import dev.mmcheck.model.Discipline.FaultLock;
import dev.mmcheck.model.Discipline.PtraceOrder;
import dev.mmcheck.model.Discipline.SwapoffLock;
import dev.mmcheck.model.Discipline.VmlistLock;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The locking disciplines of part 1, as they are spelled in configs ({@code mm.era}). Each maps
 * to one {@link Discipline}; the table below is the whole difference between them.
 *
 * <pre>
 * era         kernel           mmap_sem BKL in  vmlist   split     ptrace      cache=NULL swapout() BKL in  offset  faults swapoff  swap-in
 *                              in sys   sys     lock     order                 in munmap  gets      munmap  from    under   under   re-check
 * ----------- ---------------- -------- ------- -------- --------- ----------- ---------- --------- ------- ------- ------ -------- --------
 * 1998        2.1.x (seed 000) no       yes     none     piecemeal no lock     at end     vma       no      VMA     BKL    BKL      yes
 * 1998-fixed  2.2.1            yes      yes     none     piecemeal lock first  at end     vma       no      page    BKL    BKL      yes
 * 1999-pre    2.3.21           yes      no      none     piecemeal lookup 1st  at end     vma       yes     page    BKL    BKL      yes
 * 1999-patch  mm17 (seed 002)  yes      no      sema     together  lock first  in lock    vma       yes     page    BKL    BKL      yes
 * 1999-final  mm17 rework+mm18 yes      no      PTL      together  lock first  in lock    page,file yes     page    BKL    BKL      yes
 * 2.4.0       2.4.0            yes      no      PTL      together  lock first  in lock    (none)    no      page    PTL    PTL      no
 * 2.4.20      2.4.20 (rwsem)   write    no      PTL      together  lock first  in lock    (none)    no      page    PTL    PTL      pte_same
 * </pre>
 *
 * <ul>
 *   <li>{@code 1998}: Linux 2.1.x as Mark Hemment's mail of 16 Jan 1998 (seed 000) describes it;
 *       kswapd's VMA-derived write-back offset is from the 2.1.98 mm/vmscan.c context lines
 *       (linux-2.1.98.x1 diff); {@code sys_munmap} takes {@code lock_kernel()} only (an early 2.1
 *       mm/mmap.c); that mprotect/mlock also take it is assumed from every 2.1/2.2 system call
 *       read (the Jan 1998 mprotect.c was not available).
 *   <li>{@code 1998-fixed}: Hemment's fix as Linux 2.2.1 realised it (github jur/linux-2.2.1-ps2,
 *       linas/i370-linux-2.2.1): every VMA-changing system call takes {@code mmap_sem} then the BKL;
 *       i386 {@code sys_ptrace} takes {@code mmap_sem} before looking the VMA up.
 *   <li>{@code 1999-pre}: Linux 2.3.21, the base of seed 002 ("kanoj-mm17-2.3.21"), from the patch's
 *       "-" and context lines: {@code sys_mprotect} without the BKL, {@code do_munmap} taking
 *       {@code lock_kernel()} per VMA, generic {@code access_process_vm()} looking up first.
 *   <li>{@code 1999-patch}: seed 002 as posted on 14 Oct 1999 (vmlist lock = a semaphore).
 *   <li>{@code 1999-final}: the two follow-ups against 2.3.22, both in 2.4.0: the rework of 18 Oct
 *       1999 mapping the macros onto {@code page_table_lock} (Message-Id 199910181945.MAA81369,
 *       Linus: "Looks ok to me now") and mm18 of 19 Oct 1999, {@code swapout(page, file)} with
 *       {@code get_file()} (Message-Id 199910191759.KAA93685).
 *   <li>{@code 2.4.0}: github liexusong/linux-2.4.0: {@code page_table_lock} in faults, kswapd,
 *       swapoff and {@code do_munmap}; no BKL in {@code do_munmap}; no swap-in re-check.
 *   <li>{@code 2.4.20}: github sndrzt/linux-2.4.20.lite: {@code mmap_sem} an rwsem with faults
 *       taking it for read, {@code do_swap_page} re-checking with {@code pte_same}.
 * </ul>
 */
public enum Era {
  E1998("1998", new Discipline(false, true, VmlistLock.NONE, false, PtraceOrder.NO_LOCK, false, false, false,
      true, true, FaultLock.BKL, false, SwapoffLock.BKL, true, false, false, false)),
  E1998_FIXED("1998-fixed", new Discipline(true, true, VmlistLock.NONE, false, PtraceOrder.LOCK_THEN_LOOKUP, false,
      false, false, false, true, FaultLock.BKL, false, SwapoffLock.BKL, true, false, false, false)),
  E1999_PRE("1999-pre", new Discipline(true, false, VmlistLock.NONE, false, PtraceOrder.LOOKUP_THEN_LOCK, false,
      false, true, false, true, FaultLock.BKL, false, SwapoffLock.BKL, true, true, false, true)),
  E1999_PATCH("1999-patch", new Discipline(true, false, VmlistLock.SEMAPHORE, true, PtraceOrder.LOCK_THEN_LOOKUP,
      true, false, true, false, true, FaultLock.BKL, false, SwapoffLock.BKL, true, true, false, true)),
  E1999_FINAL("1999-final", new Discipline(true, false, VmlistLock.PAGE_TABLE_LOCK, true,
      PtraceOrder.LOCK_THEN_LOOKUP, true, true, true, false, true, FaultLock.BKL, false, SwapoffLock.BKL, true, true, false, true)),
  E2_4_0("2.4.0", new Discipline(true, false, VmlistLock.PAGE_TABLE_LOCK, true, PtraceOrder.LOCK_THEN_LOOKUP, true,
      true, false, false, false, FaultLock.PTL, false, SwapoffLock.PTL, false, true, false, true)),
  E2_4_20("2.4.20", new Discipline(true, false, VmlistLock.PAGE_TABLE_LOCK, true, PtraceOrder.LOCK_THEN_LOOKUP, true,
      true, false, false, false, FaultLock.PTL, true, SwapoffLock.PTL, true, true, true, true));

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
