package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.Tracked;
import java.util.ArrayList;
import java.util.List;

/**
 * A 6.x {@code struct mm_struct} (include/linux/mm_types.h, mm/mmap_lock.c): {@code mmap_lock}
 * (a kernel rw_semaphore, lock class {@code mmap_lock}), {@code mm_mt} ({@link MapleTree}),
 * {@code page_table_lock} (here also the PTE lock: one page table), one PTE cell per page,
 * {@code mm_lock_seq} (6.4: an int; 6.15: a seqcount; both modelled as a counter that
 * {@link #mmap_write_unlock} / {@link #mmap_write_downgrade} advance, which releases every VMA
 * write lock at once: {@code vma_end_write_all}), {@code vma_writer_wait} (6.15: the rcuwait a
 * VMA writer sleeps on; the cell holds the waiting task) and {@code mm_count}
 * ({@code mmgrab}/{@code mmdrop}; the last {@code mmdrop} frees the mm: {@code __mmdrop}).
 *
 * <p>The mm is {@link Tracked}: every access to one of its cells after {@code __mmdrop} is a use
 * after free (the 6.15 reader that woke a writer of a recycled VMA's mm, 9bbffee67ffd).
 *
 * <p>Ghost state (never read by kernel paths; cells so that DPOR orders the properties' reads):
 * {@link #ghostMapped} (the logical address space: which pages a completed mmap/munmap maps;
 * written only when {@link #tracksLogicalMap}), {@link #ghostDup} (fork: 0 not a child, 1
 * being copied, 2 copied) and {@link #forkedFrom}.
 */
public final class Mm6 extends Tracked {
  public final Kernel6 k;
  public final RwSemaphore mmapLock;
  public final SpinLock pageTableLock;
  public final Cell<Integer> mmLockSeq;
  public final Cell<String> vmaWriterWait;
  public final Cell<Integer> mmCount;
  public final MapleTree mt;
  private final List<Cell<Pte6>> ptes = new ArrayList<>();
  /** Ghost: the logical address space, per page (maintained only if {@link #tracksLogicalMap}). */
  public final List<Cell<Boolean>> ghostMapped = new ArrayList<>();
  /** Ghost: 0 = not a fork child, 1 = dup_mmap copying into it, 2 = dup_mmap done. */
  public final Cell<Integer> ghostDup;
  /** Ghost: the parent this mm was forked from, or null. */
  public final Mm6 forkedFrom;
  /** Whether syscalls maintain {@link #ghostMapped} (the no-spurious-sigsegv scenarios). */
  public final boolean tracksLogicalMap;

  public Mm6(Kernel6 k, String name, int pages, boolean tracksLogicalMap, Mm6 forkedFrom) {
    super(name);
    this.k = k;
    this.tracksLogicalMap = tracksLogicalMap;
    this.forkedFrom = forkedFrom;
    this.mmapLock = new RwSemaphore(name + ".mmap_lock", "mmap_lock");
    this.pageTableLock = new SpinLock(name + ".page_table_lock", "page_table_lock");
    this.mmLockSeq = cell("mm_lock_seq", 0);
    this.vmaWriterWait = cell("vma_writer_wait", null);
    this.mmCount = cell("mm_count", 1);
    this.ghostDup = cell("ghost_dup", 0);
    Cell<MapleNode> root = cell("mm_mt", null);
    this.mt = new MapleTree(this, root);
    root.set(MapleTree.emptyNode(this));
    for (int i = 0; i < pages; i++) {
      ptes.add(cell("pte[" + i + "]", null));
      ghostMapped.add(cell("ghost_mapped[" + i + "]", false));
    }
  }

  public Cell<Pte6> pte(int addr) {
    return ptes.get(addr);
  }

  public int pages() {
    return ptes.size();
  }

  // ---- setup helpers (no scheduling points) ----

  /** Setup: a VMA {@code [start,end)} linked into the tree, attached, logically mapped. */
  public Vma6 mapInitial(String name, int start, int end, int flags, AnonVma6 anonVma, File6 file) {
    Vma6 v = k.vm_area_alloc(this, name, start, end, flags, anonVma, file);
    v.vmRefcnt.set(1);                           // vma_mark_attached (6.15)
    mt.linkInitial(v, start, end);
    for (int a = start; a < end && a < pages(); a++) {
      ghostMapped.get(a).set(true);
    }
    return v;
  }

  /** Setup: a present anonymous page at {@code addr} with contents {@code data}. */
  public Page6 pageInitial(int addr, int data, AnonVma6 av, boolean writable) {
    Page6 p = new Page6(name() + ".page" + addr, data, av, 0);
    pte(addr).set(new Pte6(p, writable));
    return p;
  }

  // ---- mmap_lock (include/linux/mmap_lock.h) ----

  public void mmap_read_lock() {
    mmapLock.downRead();
  }

  public boolean mmap_read_trylock() {
    return mmapLock.downReadTrylock();
  }

  public void mmap_read_unlock() {
    mmapLock.upRead();
  }

  public void mmap_write_lock() {
    mmapLock.downWrite();
  }

  /**
   * {@code mmap_write_unlock()}: {@code vma_end_write_all(mm)} (6.4: {@code mm_lock_seq + 1}
   * with release; 6.15: {@code mm_lock_seqcount_end}) then {@code up_write}. The read of
   * {@code mm_lock_seq} is quiet: only the mmap_lock writer changes it.
   */
  public void mmap_write_unlock() {
    vma_end_write_all();
    mmapLock.upWrite();
  }

  /** {@code mmap_write_downgrade()}: {@code vma_end_write_all} then {@code downgrade_write}. */
  public void mmap_write_downgrade() {
    vma_end_write_all();
    mmapLock.downgradeWrite();
  }

  /** {@code vma_end_write_all(mm)}: every VMA write lock of this mm ends (6.4+; nothing in 6.1). */
  public void vma_end_write_all() {
    if (k.era.perVmaLocks()) {
      mmLockSeq.set(mmLockSeq.peek() + 1);
    }
  }

  // ---- mm_count (include/linux/sched/mm.h) ----

  /** {@code mmgrab(mm)}: {@code atomic_inc(&mm->mm_count)}. */
  public void mmgrab() {
    mmCount.fetchAdd(1);
  }

  /** {@code mmdrop(mm)}: the last reference frees it ({@code __mmdrop}). */
  public void mmdrop() {
    if (mmCount.fetchAdd(-1) == 1) {
      free();
    }
  }

  // ---- ghost ----

  /**
   * Ghost: the logical address space changes here (a syscall's linearisation point): an unmap
   * is recorded just before the tree store that removes the VMA, a map just after the store
   * that inserts it, so no walker sees a hole the ghost does not have.
   */
  public void ghostSetMapped(int start, int end, boolean mapped) {
    if (!tracksLogicalMap) {
      return;
    }
    for (int a = start; a < end && a < pages(); a++) {
      ghostMapped.get(a).set(mapped);
    }
  }
}
