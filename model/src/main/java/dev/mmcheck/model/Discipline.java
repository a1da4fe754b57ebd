package dev.mmcheck.model;

import static dev.mmcheck.model.Knobs.bool;
import static dev.mmcheck.model.Knobs.given;

import java.util.List;
import java.util.Map;

/**
 * One era's locking discipline: every choice the kernel paths of this model make differently
 * between Linux 2.1 (1998) and 2.4.20 (2002), in one place. {@link Era} names the historical
 * combinations; {@link #withOverrides} lets a config flip a single knob ({@code mm.<knob>}) to
 * isolate one fix or to build a named mutation. Immutable.
 *
 * @param syscallsTakeMmapSem munmap, mprotect, mlock and mremap take {@code mmap_sem} (false only
 *     in 1998: "munmap(), where a vma can be released and mmap_sem isn't taken", seed 000)
 * @param syscallsTakeBkl those system calls run under {@code lock_kernel()}: 2.2.1
 *     {@code sys_munmap}, {@code sys_mlock}/{@code sys_munlock}/{@code sys_mlockall}
 *     ({@code down(mmap_sem)} then {@code lock_kernel()}, mm/mmap.c, mm/mlock.c), {@code sys_brk},
 *     {@code sys_mprotect}, {@code sys_mremap} (same order, per the fidelity audit's reading of
 *     2.2.1); an early 2.1 {@code sys_munmap} takes {@code lock_kernel()} alone. False in 2.3.21:
 *     seed 002's mprotect.c context ends {@code sys_mprotect} with {@code up(mmap_sem)} only.
 * @param vmlistLock what {@code vmlist_access_lock}/{@code vmlist_modify_lock} map to
 * @param splitFieldsTogether splits build the new VMA completely, then change
 *     start/offset/end/flags and insert together under the vmlist lock (seed 002 mprotect.c,
 *     mlock.c, mmap.c hunks); false = the 2.2/2.3.21 order ({@code vm_start = end} first, offset
 *     later)
 * @param ptraceOrder where {@code access_process_vm()} takes {@code mmap_sem}
 * @param munmapClearsCacheInsideLock {@code mm->mmap_cache = NULL} moved inside the locked
 *     region of {@code do_munmap}/{@code exit_mmap} and before the loop of
 *     {@code merge_segments} (seed 002); false = at the end of each function
 * @param swapoutGetsFields the driver method is {@code swapout(page, file)} with a
 *     {@code get_file()} taken before the vmlist lock is dropped (mm18, Message-Id
 *     199910191759.KAA93685, against 2.3.22); false = {@code swapout(vma, page)}
 * @param bklInterlock {@code do_munmap} takes {@code lock_kernel()} around the teardown of each
 *     unlinked VMA, the interlock with kswapd seed 002 documents (2.3.21 already has it as
 *     context; kept by mm18; gone in 2.4.0 mm/mmap.c)
 * @param swapoutOffsetFromVma kswapd names a dirty file page's offset as
 *     {@code address - vm_start + vm_offset} of the VMA it scans (2.1.98 mm/vmscan.c context lines
 *     of the linux-2.1.98.x1 diff); false = the page's own {@code page->offset} (2.2.1
 *     {@code filemap_swapout}, and mm18's "-" lines for 2.3.22)
 * @param vmOpsUnmapSwapout mappings have the 2.2/2.3 {@code vm_ops->unmap()} (called by
 *     {@code do_munmap} and {@code exit_mmap}) and {@code vm_ops->swapout()} (called by
 *     {@code try_to_swap_out} for a dirty page); false = 2.4.0, whose {@code do_munmap} and
 *     {@code exit_mmap} call neither and whose {@code try_to_swap_out} only does
 *     {@code set_page_dirty()} and drops the PTE
 * @param faultLock what {@code handle_pte_fault()} takes: the BKL (2.2.1 mm/memory.c; assumed for
 *     2.3.21) or {@code page_table_lock} (2.4.0, "to synchronize with kswapd")
 * @param mmapSemRw {@code mmap_sem} is an rw_semaphore and faults take it for read (2.4.20
 *     include/linux/sched.h, kernel/fork.c {@code init_rwsem}); 2.4.0 still has a semaphore
 * @param swapoffLock what swapoff's {@code unuse_process()} holds while it rewrites PTEs: the BKL
 *     only (2.2.1 mm/swapfile.c), {@code mmap_sem} (mm12 as posted, Message-Id
 *     199906280148.SAA94463; merge not verified), or {@code page_table_lock} (2.4.0, 2.4.20)
 * @param faultRechecks swap-in re-checks the PTE after sleeping: 2.2.1 {@code swap_in()}
 *     ({@code pte_val(*page_table) != entry}), 2.4.20 {@code do_swap_page()} ({@code pte_same}
 *     under {@code page_table_lock}); false = 2.4.0 {@code do_swap_page()} (no re-check) or
 *     Hemment's proposal (seed 000). {@code do_wp_page} keeps its "still present" check always.
 * @param kswapdTakesPtl {@code try_to_swap_out()} reads and clears the PTE under
 *     {@code page_table_lock} (2.3.21: seed 002's vmscan.c context has the
 *     {@code spin_unlock(&vma->vm_mm->page_table_lock)}; 2.4.0 {@code swap_out_mm}); 2.2.1 takes
 *     no lock there but the BKL
 * @param dupMmapNestsPtl fork's {@code dup_mmap()} links each new VMA and runs
 *     {@code copy_page_range()} holding the child's {@code page_table_lock}, and
 *     {@code copy_page_range} takes the parent's inside it (2.4.20 kernel/fork.c and mm/memory.c:
 *     "dst->page_table_lock is held on entry and exit", {@code spin_lock(&src->page_table_lock)});
 *     2.4.0 and earlier take neither
 * @param kswapdPinsMm {@code swap_out()} pins the victim mm across its scan: seed 002 ("To
 *     guarantee the existance of the victim mm, a mm_count inc and a mmdrop are done in
 *     swap_out()"; 2.3.21), {@code atomic_inc(&best->mm_users)} ... {@code mmput(best)} in 2.4.0;
 *     2.2.1 relies on the BKL and on not sleeping before the scan
 */
public record Discipline(boolean syscallsTakeMmapSem, boolean syscallsTakeBkl, VmlistLock vmlistLock,
    boolean splitFieldsTogether, PtraceOrder ptraceOrder, boolean munmapClearsCacheInsideLock,
    boolean swapoutGetsFields, boolean bklInterlock, boolean swapoutOffsetFromVma, boolean vmOpsUnmapSwapout,
    FaultLock faultLock, boolean mmapSemRw, SwapoffLock swapoffLock, boolean faultRechecks,
    boolean kswapdTakesPtl, boolean dupMmapNestsPtl, boolean kswapdPinsMm) {

  /** What the vmlist lock is. */
  public enum VmlistLock {
    /** No vmlist lock: kswapd scans the victim's list unprotected (2.1-2.3.21). */
    NONE,
    /** {@code struct semaphore vmlist_lock}, access and modify lock are the same (seed 002). */
    SEMAPHORE,
    /**
     * The macros map onto {@code spin_lock(&mm->page_table_lock)} (the mm17 rework against
     * 2.3.22, Message-Id 199910181945.MAA81369; named directly in 2.4.0).
     */
    PAGE_TABLE_LOCK
  }

  /** Where {@code access_process_vm()} takes {@code mmap_sem} relative to the VMA lookup. */
  public enum PtraceOrder {
    /** No {@code mmap_sem} at all (seed 000: "the semaphore is _not_ taken"). */
    NO_LOCK,
    /** 2.3.21 generic {@code access_process_vm()}: {@code find_extend_vma}, then {@code down()}. */
    LOOKUP_THEN_LOCK,
    /** 2.2.1 i386 {@code sys_ptrace} (lock, then {@code read_long}/{@code find_extend_vma}); seed 002. */
    LOCK_THEN_LOOKUP
  }

  /** What {@code handle_pte_fault()} runs under. */
  public enum FaultLock { BKL, PTL }

  /** What swapoff's {@code unuse_process()} holds. */
  public enum SwapoffLock { BKL, MMAP_SEM, PTL }

  /** The knob names, as config keys without the {@code mm.} prefix, in component order. */
  public static final List<String> KNOBS = List.of("syscallsTakeMmapSem", "syscallsTakeBkl", "vmlistLock",
      "splitFieldsTogether", "ptraceOrder", "munmapClearsCacheInsideLock", "swapoutGetsFields", "bklInterlock",
      "swapoutOffsetFromVma", "vmOpsUnmapSwapout", "faultLock", "mmapSemRw", "swapoffLock", "faultRechecks",
      "kswapdTakesPtl", "dupMmapNestsPtl", "kswapdPinsMm");

  /**
   * Applies single-knob overrides from scenario parameters: {@code mm.<knob>=true|false} for the
   * boolean components (e.g. {@code mm.munmapClearsCacheInsideLock=false}), the enum constant
   * for the others ({@code mm.vmlistLock=NONE}); the value {@code era} (or an absent key) keeps
   * the era's own setting. Throws {@link IllegalArgumentException} naming the key on a bad value.
   */
  public Discipline withOverrides(Map<String, String> p) {
    return new Discipline(
        bool(p, "syscallsTakeMmapSem", syscallsTakeMmapSem),
        bool(p, "syscallsTakeBkl", syscallsTakeBkl),
        en(p, "vmlistLock", VmlistLock.class, vmlistLock),
        bool(p, "splitFieldsTogether", splitFieldsTogether),
        en(p, "ptraceOrder", PtraceOrder.class, ptraceOrder),
        bool(p, "munmapClearsCacheInsideLock", munmapClearsCacheInsideLock),
        bool(p, "swapoutGetsFields", swapoutGetsFields),
        bool(p, "bklInterlock", bklInterlock),
        bool(p, "swapoutOffsetFromVma", swapoutOffsetFromVma),
        bool(p, "vmOpsUnmapSwapout", vmOpsUnmapSwapout),
        en(p, "faultLock", FaultLock.class, faultLock),
        bool(p, "mmapSemRw", mmapSemRw),
        en(p, "swapoffLock", SwapoffLock.class, swapoffLock),
        bool(p, "faultRechecks", faultRechecks),
        bool(p, "kswapdTakesPtl", kswapdTakesPtl),
        bool(p, "dupMmapNestsPtl", dupMmapNestsPtl),
        bool(p, "kswapdPinsMm", kswapdPinsMm));
  }



  private static <E extends Enum<E>> E en(Map<String, String> p, String knob, Class<E> type, E dflt) {
    if (!given(p, "mm." + knob)) {
      return dflt;
    }
    String v = p.get("mm." + knob).trim();
    try {
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mm." + knob + " must be one of " + List.of(type.getEnumConstants())
          + " or era, not '" + v + "'");
    }
  }

  /** The values a knob accepts in a config (for the catalog's parameter list). */
  public static List<String> knobValues(String knob) {
    return switch (knob) {
      case "vmlistLock" -> values(VmlistLock.class);
      case "ptraceOrder" -> values(PtraceOrder.class);
      case "faultLock" -> values(FaultLock.class);
      case "swapoffLock" -> values(SwapoffLock.class);
      default -> List.of("era", "true", "false");
    };
  }

  private static <E extends Enum<E>> List<String> values(Class<E> type) {
    java.util.ArrayList<String> out = new java.util.ArrayList<>(List.of("era"));
    for (E e : type.getEnumConstants()) {
      out.add(e.name());
    }
    return List.copyOf(out);
  }

  /** True if the era has a vmlist lock at all. */
  public boolean hasVmlistLock() {
    return vmlistLock != VmlistLock.NONE;
  }
}
