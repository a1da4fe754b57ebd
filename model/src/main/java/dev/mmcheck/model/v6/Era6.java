package dev.mmcheck.model.v6;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The part-4 eras ({@code mm.era}): the VMA set in a maple tree and, from 6.4, per-VMA locks.
 * Each era's {@link Discipline6} is the code as released (x.y.0); the knobs flip single fixes.
 *
 * <pre>
 * era   VMA set              fault takes                         VMA lock             VMA freed
 * ----- -------------------- ----------------------------------- -------------------- -----------------
 * 6.1   maple tree, nodes    mmap_lock(r) always                 none                 kmem_cache_free
 *       RCU-freed (RCU mode)
 * 6.4   same                 lock_vma_under_rcu, else            vm_lock rwsem +      call_rcu (vm_rcu
 *                            mmap_lock(r)                        vm_lock_seq          overlays vm_start/end)
 * 6.15  same                 lock_vma_under_rcu, else            vm_refcnt + writer   SLAB_TYPESAFE_BY_RCU:
 *                            mmap_lock(r)                        bit + vm_lock_seq    reused at once
 * </pre>
 *
 * Released values of the knobs ({@code -}: not applicable in the era, kept {@code true}):
 *
 * <pre>
 * knob                        6.1    6.4    6.15
 * stackExpandUnderWriteLock   false  false  true
 * forkWriteLocksParent        -      false  true
 * dupAnonVmaWriteLocks        -      false  true
 * anonVmaCheckUnderVmaLock    -      false  true   (6.15: no check there; vmf_anon_prepare)
 * pageWalkWriteLocks          -      false  true
 * detachedCheckFirst          -      false  true   (6.15: detached = vm_refcnt 0, checked first)
 * mapFixedNoGap               false  false  true
 * vmaStartReadGrabsMm         -      -      false
 * vmaLockChecksMm             -      -      true
 * takeAllLocksVmaFirst        -      true   true
 * dropAllLocksKeepsVmaLocks   -      false  true
 * vmaStartWriteWaitsReaders   -      true   true
 * </pre>
 *
 * Sources: 6.1 maple tree d4af56c5c7c6 ("mm: start tracking VMAs with maple tree") and RCU mode
 * 3dd443254941 ("mm: enable maple tree RCU mode by default", backported to 6.1.y in 2023, so the
 * 6.1 modelled here is the 6.1.25 of the StackRot write-up); 6.4 per-VMA locks 5e31275cc997 /
 * 50ee32537206 (Suren Baghdasaryan); 6.15 vm_refcnt and 3104138517fc ("mm: make vma cache
 * SLAB_TYPESAFE_BY_RCU"). Read: the 6.15+ mm/mmap_lock.c, Documentation/mm/process_addrs.rst, the
 * commit messages and diffs cited on each knob ({@link Discipline6}).
 */
public enum Era6 {
  E6_1("6.1", false, false, new Discipline6(false, true, true, true, true, true, false, true, true, true, true, true)),
  E6_4("6.4", true, false, new Discipline6(false, false, false, false, false, false, false, true, true, true, false,
      true)),
  E6_15("6.15", true, true, new Discipline6(true, true, true, true, true, true, true, false, true, true, true, true));

  private final String id;
  private final boolean perVmaLocks;
  private final boolean refcountedVmaLock;
  private final Discipline6 released;

  Era6(String id, boolean perVmaLocks, boolean refcountedVmaLock, Discipline6 released) {
    this.id = id;
    this.perVmaLocks = perVmaLocks;
    this.refcountedVmaLock = refcountedVmaLock;
    this.released = released;
  }

  /** The config spelling, e.g. {@code 6.4}. */
  public String id() {
    return id;
  }

  /** The knobs as released. */
  public Discipline6 discipline() {
    return released;
  }

  /** 6.4+: faults try {@code lock_vma_under_rcu} first; writers mark VMAs with {@code vma_start_write}. */
  public boolean perVmaLocks() {
    return perVmaLocks;
  }

  /** 6.15: the VMA lock is {@code vm_refcnt} (a refcount with a writer offset); VMAs are type-stable. */
  public boolean refcountedVmaLock() {
    return refcountedVmaLock;
  }

  /** 6.4 to 6.14: a freed VMA goes through {@code call_rcu}, its {@code vm_rcu} head overlaying vm_start/vm_end. */
  public boolean vmaFreedByRcu() {
    return perVmaLocks && !refcountedVmaLock;
  }

  /** Parses a config value; the error lists the valid ones. */
  public static Era6 parse(String s) {
    for (Era6 e : values()) {
      if (e.id.equals(s.trim())) {
        return e;
      }
    }
    throw new IllegalArgumentException("unknown mm.era '" + s.trim() + "' for a part-4 scenario; valid: "
        + Arrays.stream(values()).map(Era6::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
