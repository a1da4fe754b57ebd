package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Tracked;
import java.util.List;
import java.util.Set;

/**
 * A 6.x {@code struct vm_area_struct} (include/linux/mm_types.h, 6.1 / 6.4 / 6.15): the range
 * {@code [vm_start, vm_end)} in pages, {@code vm_pgoff}, {@code vm_flags}, {@code anon_vma} and
 * its {@code anon_vma_chain}, {@code vm_file}, {@code vm_mm}, {@code vm_policy} (a NUMA node),
 * and the per-VMA lock of the era:
 *
 * <ul>
 *   <li>6.4 ("mm: add per-VMA lock and helper functions to control it", 5e31275cc997): a
 *       {@code vm_lock} rw_semaphore (lock class {@code vm_lock}; readers only trylock it),
 *       {@code vm_lock_seq} (equal to {@code mm->mm_lock_seq} while write-locked) and the
 *       {@code detached} flag ("mm: introduce vma detached flag");
 *   <li>6.15: {@code vm_refcnt} (0 detached, 1 attached, +1 per reader, + {@link #VMA_LOCK_OFFSET}
 *       while a writer waits or holds it) and {@code vm_lock_seq}.
 * </ul>
 *
 * Every field that another thread may read is a {@link Cell}, so a reader and a writer race
 * where the kernel's do. 6.4: {@code vm_start}/{@code vm_end} share their memory with
 * {@code vm_rcu} (a union), so once {@code call_rcu} was called on a detached VMA they read
 * {@link #RCU_HEAD}. Simplified: {@code vm_page_prot}, {@code vm_ops}, the interval-tree node,
 * {@code vm_private_data} are left out; {@code vm_pgoff} is kept in pages.
 *
 * <p>Ghost state (never read by kernel paths): {@link #ghostReaders}, the threads that hold the
 * VMA read lock: from a successful {@code vma_start_read} to {@code vma_end_read} (a
 * {@link Cell}, so properties reading it are ordered by DPOR). Holding {@code vm_lock} or a
 * {@code vm_refcnt} reference is not the same: {@code vma_start_read} takes them before its
 * sequence re-check, during which a writer may still be changing the VMA.
 */
public final class Vma6 extends Tracked {
  public static final int VM_READ = 0x1;
  public static final int VM_WRITE = 0x2;
  public static final int VM_SHARED = 0x8;
  public static final int VM_GROWSDOWN = 0x100;
  public static final int VM_SOFTDIRTY = 0x8000000;
  /** What {@code vm_start}/{@code vm_end} read once the overlaying {@code vm_rcu} head is written (6.4). */
  public static final int RCU_HEAD = -0x7ead;
  /**
   * {@code VMA_LOCK_OFFSET} (0x40000000 in the kernel; a smaller number keeps traces readable:
   * anything above the reader limit behaves the same).
   */
  public static final int VMA_LOCK_OFFSET = 1000;
  /** {@code VMA_REF_LIMIT = VMA_LOCK_OFFSET - 1}: a reader's increment fails beyond it. */
  public static final int VMA_REF_LIMIT = VMA_LOCK_OFFSET - 1;

  public final Kernel6 k;
  public final Cell<Integer> vmStart;
  public final Cell<Integer> vmEnd;
  public final Cell<Integer> vmPgoff;
  public final Cell<Integer> vmFlags;
  public final Cell<AnonVma6> anonVma;
  public final Cell<List<AnonVma6>> anonVmaChain;
  public final Cell<File6> vmFile;
  public final Cell<Mm6> vmMm;
  public final Cell<Integer> vmPolicy;
  public final Cell<Integer> vmLockSeq;
  /** 6.4: {@code vma->detached}. */
  public final Cell<Boolean> detached;
  /** 6.15: {@code vma->vm_refcnt}. */
  public final Cell<Integer> vmRefcnt;
  /** 6.4: {@code vma->vm_lock->lock}; null in other eras. */
  public final RwSemaphore vmLock;
  /** Ghost: names of the threads holding the VMA read lock (both eras). */
  public final Cell<Set<String>> ghostReaders;

  Vma6(Kernel6 k, String name, Mm6 mm, int start, int end, int flags, AnonVma6 anonVma, File6 file) {
    super(name);
    this.k = k;
    this.vmStart = cell("vm_start", start);
    this.vmEnd = cell("vm_end", end);
    this.vmPgoff = cell("vm_pgoff", start);
    this.vmFlags = cell("vm_flags", flags);
    this.anonVma = cell("anon_vma", anonVma);
    this.anonVmaChain = cell("anon_vma_chain", anonVma == null ? List.of() : List.of(anonVma));
    this.vmFile = cell("vm_file", file);
    this.vmMm = cell("vm_mm", mm);
    this.vmPolicy = cell("vm_policy", 0);
    this.vmLockSeq = cell("vm_lock_seq", -1);
    this.detached = cell("detached", false);
    this.vmRefcnt = cell("vm_refcnt", 0);
    this.vmLock = k.era.vmaFreedByRcu() ? new RwSemaphore(name + ".vm_lock", "vm_lock") : null;
    this.ghostReaders = cell("ghost_readers", Set.of());
  }

  /** Ghost: {@code [start,end)} now, without scheduling points (for messages). */
  public String describeNow() {
    return name() + "[" + vmStart.peek() + "," + vmEnd.peek() + ")";
  }
}
