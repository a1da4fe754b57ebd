package dev.mmcheck.model;

import java.util.Map;

/**
 * One era's locking discipline: every choice the kernel paths of this model make differently
 * between 1998 and 1999, in one place. {@link Era} names the five historical combinations;
 * {@link #withOverrides} lets a scenario flip a single knob (e.g. the 1999 patch without its
 * {@code mmap_cache} move) to isolate one fix.
 *
 * @param syscallsTakeMmapSem munmap, mprotect, mlock and mremap take {@code mmap_sem} (false only
 *     in 1998: "munmap(), where a vma can be released and mmap_sem isn't taken", seed 000)
 * @param vmlistLock what {@code vmlist_access_lock}/{@code vmlist_modify_lock} map to
 * @param splitFieldsTogether splits build the new VMA completely, then change
 *     start/offset/end/flags and insert together under the vmlist lock (seed 002 mprotect.c,
 *     mlock.c, mmap.c hunks); false = the 2.3.20 order ({@code vm_start = end} first, offset later)
 * @param ptraceOrder where {@code access_process_vm()} takes {@code mmap_sem}: the
 *     {@code handle_mm_fault()} caller other than the arch fault handler that the model has
 *     (seed 000: "In other places where handle_mm_fault() is called, the semaphore is _not_
 *     taken"; Hemment's fix takes it)
 * @param munmapClearsCacheInsideLock {@code mm->mmap_cache = NULL} moved inside the locked
 *     region of {@code do_munmap}/{@code exit_mmap} (seed 002); false = at the end of the function
 * @param swapoutGetsFields the driver {@code swapout()} gets a snapshot of the VMA fields, not the
 *     VMA pointer (seed 002's proposal)
 * @param bklInterlock {@code do_munmap} takes {@code lock_kernel()} before tearing down each VMA,
 *     the interlock with kswapd that seed 002 documents (2.3.20 already had it as context)
 */
public record Discipline(boolean syscallsTakeMmapSem, VmlistLock vmlistLock,
    boolean splitFieldsTogether, PtraceOrder ptraceOrder, boolean munmapClearsCacheInsideLock,
    boolean swapoutGetsFields, boolean bklInterlock) {

  /** What the vmlist lock is. */
  public enum VmlistLock {
    /** No vmlist lock: kswapd scans the victim's list unprotected (2.1-2.3.20). */
    NONE,
    /** {@code struct semaphore vmlist_lock}, access and modify lock are the same (seed 002). */
    SEMAPHORE,
    /** The macros map onto {@code spin_lock(&mm->page_table_lock)} (2.3.21 final). */
    PAGE_TABLE_LOCK
  }

  /** Where {@code access_process_vm()} takes {@code mmap_sem} relative to the VMA lookup. */
  public enum PtraceOrder { NO_LOCK, LOOKUP_THEN_LOCK, LOCK_THEN_LOOKUP }

  /**
   * Applies single-knob overrides from scenario parameters: {@code mm.<knob>=true|false} for the
   * boolean components (e.g. {@code mm.munmapClearsCacheInsideLock=false}),
   * {@code mm.vmlistLock=NONE|SEMAPHORE|PAGE_TABLE_LOCK}, {@code mm.ptraceOrder=...}; the value
   * {@code era} (or an absent key) keeps the era's own setting.
   */
  public Discipline withOverrides(Map<String, String> p) {
    return new Discipline(
        bool(p, "syscallsTakeMmapSem", syscallsTakeMmapSem),
        given(p, "mm.vmlistLock") ? VmlistLock.valueOf(p.get("mm.vmlistLock").trim()) : vmlistLock,
        bool(p, "splitFieldsTogether", splitFieldsTogether),
        given(p, "mm.ptraceOrder") ? PtraceOrder.valueOf(p.get("mm.ptraceOrder").trim()) : ptraceOrder,
        bool(p, "munmapClearsCacheInsideLock", munmapClearsCacheInsideLock),
        bool(p, "swapoutGetsFields", swapoutGetsFields),
        bool(p, "bklInterlock", bklInterlock));
  }

  /** The knob names, as config keys without the {@code mm.} prefix. */
  public static final java.util.List<String> KNOBS = java.util.List.of("syscallsTakeMmapSem", "vmlistLock", "splitFieldsTogether", "ptraceOrder",
      "munmapClearsCacheInsideLock", "swapoutGetsFields", "bklInterlock");

  /** A knob is overridden unless absent, empty or {@code era} (the era's own value). */
  private static boolean given(Map<String, String> p, String key) {
    String v = p.get(key);
    return v != null && !v.isBlank() && !v.trim().equals("era");
  }

  private static boolean bool(Map<String, String> p, String knob, boolean dflt) {
    if (!given(p, "mm." + knob)) {
      return dflt;
    }
    String v = p.get("mm." + knob);
    return switch (v.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("mm." + knob + " must be true or false, not '" + v + "'");
    };
  }

  /** True if the era has a vmlist lock at all. */
  public boolean hasVmlistLock() {
    return vmlistLock != VmlistLock.NONE;
  }
}
