package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.TypeStableCache;

/**
 * What one execution of a part-4 scenario shares beyond its mms: the era and its knobs, the RCU
 * domain of the kernel ({@code rcu_read_lock} / {@code call_rcu}), and the VMA allocator
 * ({@code vm_area_cachep}). Built anew in every {@code Scenario.setup}; nothing here outlives the
 * execution.
 *
 * <p>{@link #vm_area_alloc} / {@link #vm_area_free} follow kernel/fork.c (6.1, 6.4) and
 * mm/vma_init.c / kernel/fork.c (6.15): 6.1 frees at once ({@code kmem_cache_free}, the mmap
 * lock protects every reader); 6.4 frees through {@code call_rcu(&vma->vm_rcu, ...)}, and the
 * {@code rcu_head} shares the first words of the VMA with {@code vm_start}/{@code vm_end}
 * ("mm: rcu safe VMA freeing", Michel Lespinasse, 6.4), which the model shows by writing
 * {@link Vma6#RCU_HEAD} into both fields at the {@code call_rcu}; 6.15 returns the VMA to a
 * {@code SLAB_TYPESAFE_BY_RCU} cache (3104138517fc), from which the next {@link #vm_area_alloc}
 * of any mm may take it while a lockless reader still holds a pointer to it.
 */
public final class Kernel6 {
  public final Era6 era;
  public final Discipline6 d;
  /** The kernel's RCU domain (maple nodes, 6.4 VMAs, lock_vma_under_rcu readers). */
  public final Rcu rcu;
  /** 6.15: {@code vm_area_cachep} with SLAB_TYPESAFE_BY_RCU; null in the other eras. */
  public final TypeStableCache<Vma6> vmAreaCachep;

  public Kernel6(Era6 era, Discipline6 d) {
    this.era = era;
    this.d = d;
    this.rcu = new Rcu("rcu");
    this.vmAreaCachep = era.refcountedVmaLock() ? new TypeStableCache<>("vm_area_cachep") : null;
  }

  /**
   * {@code vm_area_alloc(mm)} + the caller's field initialisation ({@code vma_set_range},
   * flags, anon_vma, file): a new VMA of {@code mm}, not yet in its tree. In 6.15 it may be a
   * recycled VMA (same object, next generation) whose {@code vm_refcnt} is 0 (detached) until
   * {@link PerVmaLock#vma_mark_attached}.
   */
  public Vma6 vm_area_alloc(Mm6 mm, String name, int start, int end, int flags, AnonVma6 anonVma, File6 file) {
    if (vmAreaCachep == null) {
      return new Vma6(this, name, mm, start, end, flags, anonVma, file);
    }
    Vma6 v = vmAreaCachep.alloc(() -> new Vma6(this, name, mm, start, end, flags, anonVma, file));
    if (v.generation() > 0) {
      // vm_area_init_from / vma_init on a recycled object: every field is rewritten (the
      // lock fields are kept: vm_refcnt stays 0 until vma_mark_attached)
      v.vmMm.set(mm);
      v.vmStart.set(start);
      v.vmEnd.set(end);
      v.vmFlags.set(flags);
      v.anonVma.set(anonVma);
      v.anonVmaChain.set(anonVma == null ? java.util.List.of() : java.util.List.of(anonVma));
      v.vmFile.set(file);
    }
    return v;
  }

  /** {@code vm_area_free(vma)}: see the class comment for each era. The VMA must be detached. */
  public void vm_area_free(Vma6 v) {
    if (era.vmaFreedByRcu()) {
      v.vmStart.set(Vma6.RCU_HEAD);        // call_rcu(&vma->vm_rcu, vm_area_free_rcu_cb) writes
      v.vmEnd.set(Vma6.RCU_HEAD);          // the rcu_head over vm_start/vm_end (a union)
      rcu.callRcu(v);
    } else {
      v.free();                            // kmem_cache_free (6.15: back to the typesafe cache)
    }
  }
}
