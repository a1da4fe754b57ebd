package dev.mmcheck.model.v6;

import static dev.mmcheck.model.Knobs.bool;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The knobs of one part-4 era: each is {@code true} for the fixed code and {@code false} for the
 * code that shipped the bug (the table of {@link Era6} gives each era's released value). A
 * scenario reads {@code mm.<knob> = true|false|era} and {@code mm.allFixes = true} (every knob
 * fixed: the era's line with all later stable fixes), so a buggy variant is "all fixes but one".
 *
 * @param stackExpandUnderWriteLock a fault below a stack VMA expands it under the mmap write lock
 *     ({@code lock_mm_and_find_vma}, c2508ec5a58d, merged with 9471f1f2f502 for 6.5 and in
 *     6.1.37 / 6.4.1); false: {@code expand_stack} under the read lock (StackRot, CVE-2023-3269)
 * @param forkWriteLocksParent {@code dup_mmap} calls {@code vma_start_write} on every parent VMA
 *     before copying it (fb49c455323f, 6.5-rc1, 6.4.y)
 * @param dupAnonVmaWriteLocks {@code dup_anon_vma} write-locks {@code dst} before setting
 *     {@code dst->anon_vma} (d8ab9f7b644a, 6.5-rc4, 6.4.8)
 * @param anonVmaCheckUnderVmaLock {@code lock_vma_under_rcu} checks {@code vma->anon_vma} after
 *     {@code vma_start_read} (657b5146955e, 6.5-rc4, 6.4.8); false: before it
 * @param pageWalkWriteLocks page walks under the mmap write lock write-lock each VMA
 *     ({@code PGWALK_WRLOCK}, 49b0638502da, 6.5-rc6, 6.4.y)
 * @param detachedCheckFirst {@code lock_vma_under_rcu} checks {@code vma->detached} before it
 *     reads {@code vm_start}/{@code vm_end}, which the RCU head of a freed VMA overlays
 *     (107d21077790 "mm: fix (harmless) type confusion in lock_vma_under_rcu()", 6.11)
 * @param mapFixedNoGap {@code mmap_region} with MAP_FIXED replaces the old VMAs in one tree store
 *     (Liam Howlett, "Avoid MAP_FIXED gap exposure", merged for 6.12 [version unverified]);
 *     false: munmap first, map second
 * @param vmaStartReadGrabsMm {@code vma_start_read} checks {@code vm_mm} itself and takes
 *     {@code mmgrab} on a recycled VMA's other mm before dropping its reference (9bbffee67ffd,
 *     6.17-rc1, 6.16.1, 6.15.10; CVE-2025-38554)
 * @param vmaLockChecksMm a reader compares {@code vma->vm_mm} with its mm after locking a VMA of
 *     the type-stable cache (part of 3104138517fc "mm: make vma cache SLAB_TYPESAFE_BY_RCU", 6.15);
 *     false is a mutation (the check the v5 posting of that patch was missing)
 * @param takeAllLocksVmaFirst {@code mm_take_all_locks} write-locks every VMA in a first pass,
 *     before any i_mmap / anon_vma lock (eeff9a5d47f8, 6.4); false is a mutation
 * @param dropAllLocksKeepsVmaLocks {@code mm_drop_all_locks} no longer calls
 *     {@code vma_end_write_all} (Jann Horn, "mm: Don't drop VMA locks in mm_drop_all_locks()",
 *     Message-Id 20230720193436.454247-1-jannh@google.com, 6.5)
 * @param vmaStartWriteWaitsReaders {@code vma_start_write} waits for the VMA's readers (takes
 *     {@code vm_lock} for write, or waits for {@code vm_refcnt}); false is a mutation
 */
public record Discipline6(boolean stackExpandUnderWriteLock, boolean forkWriteLocksParent,
    boolean dupAnonVmaWriteLocks, boolean anonVmaCheckUnderVmaLock, boolean pageWalkWriteLocks,
    boolean detachedCheckFirst, boolean mapFixedNoGap, boolean vmaStartReadGrabsMm, boolean vmaLockChecksMm,
    boolean takeAllLocksVmaFirst, boolean dropAllLocksKeepsVmaLocks, boolean vmaStartWriteWaitsReaders) {

  /** Every fix applied. */
  public static final Discipline6 ALL_FIXED = new Discipline6(true, true, true, true, true, true, true, true, true,
      true, true, true);

  /** Knob names, as config keys without the {@code mm.} prefix, in component order. */
  public static final List<String> KNOBS = knobs();

  private static List<String> knobs() {
    List<String> out = new ArrayList<>();
    for (RecordComponent rc : Discipline6.class.getRecordComponents()) {
      out.add(rc.getName());
    }
    return List.copyOf(out);
  }

  /**
   * Applies {@code mm.allFixes} (first) and then each {@code mm.<knob>}; absent, blank or
   * {@code era} keeps the value. A value other than true/false/era is an
   * {@link IllegalArgumentException} naming the key.
   */
  public Discipline6 withOverrides(Map<String, String> p) {
    boolean[] v = values();
    if (bool(p, "allFixes", false)) {
      java.util.Arrays.fill(v, true);
    }
    for (int i = 0; i < KNOBS.size(); i++) {
      v[i] = bool(p, KNOBS.get(i), v[i]);
    }
    return new Discipline6(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11]);
  }

  /** The knob values in {@link #KNOBS} order. */
  public boolean[] values() {
    return new boolean[] {stackExpandUnderWriteLock, forkWriteLocksParent, dupAnonVmaWriteLocks,
        anonVmaCheckUnderVmaLock, pageWalkWriteLocks, detachedCheckFirst, mapFixedNoGap, vmaStartReadGrabsMm,
        vmaLockChecksMm, takeAllLocksVmaFirst, dropAllLocksKeepsVmaLocks, vmaStartWriteWaitsReaders};
  }

}
