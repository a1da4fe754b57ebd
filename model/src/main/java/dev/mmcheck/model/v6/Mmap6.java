package dev.mmcheck.model.v6;

import java.util.ArrayList;
import java.util.List;

/**
 * The address-space writers of mm/mmap.c, mm/vma.c and mm/mremap.c (6.1 / 6.4 / 6.15) that the
 * part-4 scenarios need, named after the kernel functions: stack expansion
 * ({@code expand_stack}, {@code expand_stack_locked}, {@code expand_downwards}), munmap
 * ({@code do_vmi_align_munmap}), {@code mmap_region} with MAP_FIXED, {@code vma_merge} with
 * {@code dup_anon_vma}, mremap's {@code move_vma} with MREMAP_DONTUNMAP
 * ({@code unlink_anon_vmas}), {@code mprotect_fixup} and {@code mm_take_all_locks} /
 * {@code mm_drop_all_locks}. Every one except the StackRot expansion runs under the mmap lock
 * for write and write-locks each VMA it changes ({@code vma_start_write}) where the era has
 * per-VMA locks. Whole-VMA operations only (no splits); PTE zapping clears the PTEs under the
 * page-table lock and frees no pages.
 */
public final class Mmap6 {
  /** {@code stack_guard_gap} in pages (256 in the kernel; one page keeps the scenarios small). */
  public static final int STACK_GUARD_GAP = 1;

  private Mmap6() {}

  // ---- stack expansion ----

  /**
   * 6.1 {@code expand_stack(vma, address)} as called by {@code do_user_addr_fault} with only the
   * mmap read lock held (the code StackRot attacked): {@link #expand_downwards}.
   */
  public static int expand_stack(Mm6 mm, Vma6 vma, int addr) {
    return expand_downwards(mm, vma, addr, false);
  }

  /** {@code expand_stack_locked(vma, addr)} (6.5+): the same under the mmap write lock. */
  public static int expand_stack_locked(Mm6 mm, Vma6 vma, int addr) {
    return expand_downwards(mm, vma, addr, true);
  }

  /**
   * {@code expand_downwards(vma, address)} (mm/mmap.c 6.1; 6.5 adds {@code vma_start_write},
   * c137381f71ae "mm: lock a vma before stack expansion"): find the previous VMA
   * ({@code mas_prev}); unless it grows down too it must leave {@code stack_guard_gap}; take
   * {@code anon_vma_lock_write} and {@code page_table_lock}, set {@code vm_start} and
   * {@code vm_pgoff}, and store the grown range ({@code mas_store_prealloc}). When the expansion
   * swallows the whole gap below the stack, the store replaces the maple node and RCU-frees the
   * old one. Returns 0 or -ENOMEM.
   */
  public static int expand_downwards(Mm6 mm, Vma6 vma, int addr, boolean writeLocked) {
    int start = vma.vmStart.get();
    MaState mas = new MaState(mm.mt, start);
    mm.mt.mas_walk(mas);
    Vma6 prev = mm.mt.mas_prev(mas);
    if (prev != null) {
      int prevEnd = prev.vmEnd.get();
      if (addr < prevEnd) {
        return -12;
      }
      if ((prev.vmFlags.get() & Vma6.VM_GROWSDOWN) == 0 && addr - prevEnd < STACK_GUARD_GAP) {
        return -12;
      }
    }
    Fault6.anon_vma_prepare(mm, vma);
    AnonVma6 av = vma.anonVma.get();
    av.rwsem.downWrite();                             // anon_vma_lock_write
    if (addr < vma.vmStart.get()) {
      if (writeLocked) {
        PerVmaLock.vma_start_write(mm, vma);
      }
      mm.pageTableLock.lock();
      int end = vma.vmEnd.get();
      vma.vmStart.set(addr);
      vma.vmPgoff.set(vma.vmPgoff.get() - (start - addr));
      mm.mt.mas_store(addr, end, vma);
      mm.ghostSetMapped(addr, start, true);
      mm.pageTableLock.unlock();
    }
    av.rwsem.upWrite();
    return 0;
  }

  // ---- munmap ----

  /**
   * {@code munmap(addr)} of the whole VMA at {@code addr} ({@code do_vmi_align_munmap}, 6.4):
   * mmap write lock, {@code vma_start_write}, {@code vma_mark_detached}, the tree store that
   * removes it ({@code vma_iter_clear_gfp}), {@code mmap_write_downgrade}, zap its PTEs
   * ({@code unmap_region}), free it ({@code remove_vma} -> {@code vm_area_free}) and unlock.
   */
  public static void sys_munmap(Mm6 mm, int addr) {
    mm.mmap_write_lock();
    Vma6 vma = mm.mt.vma_lookup(addr);
    if (vma == null) {
      mm.mmap_write_unlock();
      return;
    }
    int start = vma.vmStart.get();
    int end = vma.vmEnd.get();
    PerVmaLock.vma_start_write(mm, vma);
    PerVmaLock.vma_mark_detached(mm, vma);
    mm.ghostSetMapped(start, end, false);             // ghost: unmapped from here on (before a walker can see the hole)
    mm.mt.mas_store(start, end, null);
    mm.mmap_write_downgrade();
    zap(mm, start, end);
    mm.k.vm_area_free(vma);
    mm.mmap_read_unlock();
  }

  /** {@code unmap_page_range} for {@code [start,end)}: clears the present PTEs under the PTE lock. */
  static void zap(Mm6 mm, int start, int end) {
    for (int a = start; a < end && a < mm.pages(); a++) {
      mm.pageTableLock.lock();
      if (mm.pte(a).get() != null) {
        mm.pte(a).set(null);
      }
      mm.pageTableLock.unlock();
    }
  }

  // ---- mmap ----

  /**
   * {@code mmap(addr, len, MAP_FIXED | MAP_ANONYMOUS)} over the VMA {@code old} that covers
   * exactly {@code [start,end)} ({@code mmap_region}). Before Liam Howlett's series
   * ({@code mapFixedNoGap=false}, 6.1-6.11): {@code do_vmi_munmap} first (the old VMA leaves the
   * tree: a lockless walker sees a hole), then the new VMA is stored. After it (6.12+,
   * {@code vms_gather_munmap_vmas} / {@code vms_complete_munmap_vmas}): the old VMA is
   * write-locked and detached, the new one overwrites its range in one store, and only then is
   * the old one zapped and freed. Either way the logical address space stays mapped: the ghost
   * map is not changed. Returns the new VMA.
   */
  public static Vma6 mmap_fixed(Mm6 mm, Vma6 old, String name, int flags) {
    mm.mmap_write_lock();
    int start = old.vmStart.get();
    int end = old.vmEnd.get();
    PerVmaLock.vma_start_write(mm, old);
    PerVmaLock.vma_mark_detached(mm, old);
    if (!mm.k.d.mapFixedNoGap()) {
      mm.mt.mas_store(start, end, null);              // do_vmi_munmap: the hole is visible
      zap(mm, start, end);
      mm.k.vm_area_free(old);
    }
    Vma6 v = mm.k.vm_area_alloc(mm, name, start, end, flags, null, null);
    PerVmaLock.vma_mark_attached(mm, v);
    mm.mt.mas_store(start, end, v);                   // vma_iter_store
    if (mm.k.d.mapFixedNoGap()) {
      zap(mm, start, end);                            // vms_complete_munmap_vmas
      mm.k.vm_area_free(old);
    }
    mm.mmap_write_unlock();
    return v;
  }

  /**
   * A new anonymous mapping {@code [start,end)} in a hole ({@code mmap_region} without
   * MAP_FIXED): {@code vm_area_alloc} (6.15: possibly a recycled VMA of another mm),
   * {@code vma_mark_attached}, the tree store. Returns it.
   */
  public static Vma6 sys_mmap(Mm6 mm, String name, int start, int end, int flags, AnonVma6 av) {
    mm.mmap_write_lock();
    Vma6 v = mm.k.vm_area_alloc(mm, name, start, end, flags, av, null);
    PerVmaLock.vma_mark_attached(mm, v);
    mm.mt.mas_store(start, end, v);
    mm.ghostSetMapped(start, end, true);
    mm.mmap_write_unlock();
    return v;
  }

  // ---- merge, mremap, mprotect ----

  /**
   * {@code vma_merge} where {@code dst} (the VMA before) expands over {@code src} (the VMA
   * after, which has the anon_vma), as mprotect/mremap reach it (mm/mmap.c 6.4):
   * {@code dup_anon_vma(dst, src)} (d8ab9f7b644a: {@code vma_start_write(dst)} before setting
   * {@code dst->anon_vma}; {@code anon_vma_clone} links the chain after it), then
   * {@code vma_prepare} (write-locks both, {@code anon_vma_lock_write}), {@code vm_end} of dst
   * grows, src is detached and removed from the tree, unlock, free src. Caller: none, it takes
   * the mmap write lock itself.
   */
  public static void vma_merge_expand(Mm6 mm, Vma6 dst, Vma6 src) {
    mm.mmap_write_lock();
    AnonVma6 av = src.anonVma.get();
    if (av != null && dst.anonVma.get() == null) {    // dup_anon_vma
      if (mm.k.d.dupAnonVmaWriteLocks()) {
        PerVmaLock.vma_start_write(mm, dst);
      }
      dst.anonVma.set(av);
      List<AnonVma6> chain = new ArrayList<>(dst.anonVmaChain.get());   // anon_vma_clone
      chain.addAll(src.anonVmaChain.get());
      dst.anonVmaChain.set(List.copyOf(chain));
    }
    PerVmaLock.vma_start_write(mm, dst);              // vma_prepare
    PerVmaLock.vma_start_write(mm, src);
    av = dst.anonVma.get();
    if (av != null) {
      av.rwsem.downWrite();
    }
    int start = dst.vmStart.get();
    int end = src.vmEnd.get();
    dst.vmEnd.set(end);
    PerVmaLock.vma_mark_detached(mm, src);
    mm.mt.mas_store(start, end, dst);
    if (av != null) {
      av.rwsem.upWrite();
    }
    mm.k.vm_area_free(src);                           // vma_complete: vp->remove
    mm.mmap_write_unlock();
  }

  /**
   * mremap with MREMAP_DONTUNMAP of {@code vma} ({@code move_vma}, mm/mremap.c 6.4): the VMA is
   * write-locked and, the pages having moved to the new range, dissociated from its anon_vma
   * ({@code unlink_anon_vmas}: the chain and {@code vma->anon_vma} cleared under the
   * anon_vma lock). Simplified: the new VMA and the page move are not modelled.
   */
  public static void mremap_dontunmap(Mm6 mm, int addr) {
    mm.mmap_write_lock();
    Vma6 vma = mm.mt.vma_lookup(addr);
    PerVmaLock.vma_start_write(mm, vma);
    AnonVma6 av = vma.anonVma.get();
    if (av != null) {
      av.rwsem.downWrite();                           // lock_anon_vma_root
      vma.anonVmaChain.set(List.of());
      vma.anonVma.set(null);
      av.rwsem.upWrite();
    }
    mm.mmap_write_unlock();
  }

  /**
   * {@code mprotect(addr, ..., prot)} of a whole VMA ({@code mprotect_fixup}, 6.4:
   * {@code vm_flags_reset} write-locks the VMA; {@code change_protection} write-protects the
   * PTEs when write permission goes away).
   */
  public static void sys_mprotect(Mm6 mm, int addr, int flags) {
    mm.mmap_write_lock();
    Vma6 vma = mm.mt.vma_lookup(addr);
    PerVmaLock.vma_start_write(mm, vma);
    vma.vmFlags.set(flags);
    if ((flags & Vma6.VM_WRITE) == 0) {
      int start = vma.vmStart.get();
      int end = vma.vmEnd.get();
      for (int a = start; a < end && a < mm.pages(); a++) {
        mm.pageTableLock.lock();
        Pte6 p = mm.pte(a).get();
        if (p != null && p.writable()) {
          mm.pte(a).set(p.wrprotect());
        }
        mm.pageTableLock.unlock();
      }
    }
    mm.mmap_write_unlock();
  }

  // ---- mm_take_all_locks ----

  /**
   * {@code mm_take_all_locks(mm)} (mm/mmap.c 6.4, eeff9a5d47f8 as annotated by Jann Horn's
   * "mm: Don't drop VMA locks in mm_drop_all_locks()"): the caller holds the mmap lock for write.
   * With {@code takeAllLocksVmaFirst} every VMA is write-locked in a first pass, then the
   * i_mmap_rwsem of every file ({@code vm_lock_mapping}) and the anon_vma of every VMA
   * ({@code vm_lock_anon_vma}) are taken; the mutation write-locks the VMAs after the rmap locks.
   * Returns the locks taken, for {@link #mm_drop_all_locks}.
   */
  public static List<Object> mm_take_all_locks(Mm6 mm) {
    List<Vma6> vmas = mm.mt.for_each_vma();
    if (mm.k.d.takeAllLocksVmaFirst()) {
      for (Vma6 v : vmas) {
        PerVmaLock.vma_start_write(mm, v);
      }
    }
    List<Object> taken = new ArrayList<>();
    for (Vma6 v : vmas) {
      File6 f = v.vmFile.get();
      if (f != null && !taken.contains(f)) {
        f.iMmapRwsem.downWrite();
        taken.add(f);
      }
    }
    for (Vma6 v : vmas) {
      AnonVma6 av = v.anonVma.get();
      if (av != null && !taken.contains(av)) {
        av.rwsem.downWrite();
        taken.add(av);
      }
    }
    if (!mm.k.d.takeAllLocksVmaFirst()) {
      for (Vma6 v : vmas) {
        PerVmaLock.vma_start_write(mm, v);
      }
    }
    return taken;
  }

  /**
   * {@code mm_drop_all_locks(mm)}: releases the rmap locks; before Jann Horn's fix
   * ({@code dropAllLocksKeepsVmaLocks=false}) it also called {@code vma_end_write_all},
   * ending VMA write locks that callers further up the stack still rely on.
   */
  public static void mm_drop_all_locks(Mm6 mm, List<Object> taken) {
    for (int i = taken.size() - 1; i >= 0; i--) {
      Object o = taken.get(i);
      if (o instanceof AnonVma6 av) {
        av.rwsem.upWrite();
      } else if (o instanceof File6 f) {
        f.iMmapRwsem.upWrite();
      }
    }
    if (!mm.k.d.dropAllLocksKeepsVmaLocks()) {
      mm.vma_end_write_all();
    }
  }
}
