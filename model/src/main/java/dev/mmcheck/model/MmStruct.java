package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.Tracked;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * A {@code struct mm_struct} (Linux 2.2 include/linux/sched.h; {@code vmlist_lock} from seed
 * 002): the sorted singly linked VMA list ({@code mmap}, {@code vm_next}), {@code mmap_sem}
 * (a semaphore), {@code page_table_lock}, the era's vmlist lock, the counters, the
 * {@code mmap_cache} hint and a page table of one PTE per page of the modelled range
 * {@code [0, pages)}. Simplified: no AVL tree ({@code mmap_avl} is only an accelerator), no pgd/pmd
 * levels, no {@code mm_users}/{@code mm_count}.
 *
 * <p>Ghost state for properties (never read by kernel paths): the file layout that every
 * file-backed address must keep ({@link #expectedOffset}), and how many kernel paths are in the
 * middle of changing the list ({@link #beginChange}/{@link #endChange}): the list invariants are
 * only required when none is.
 */
public final class MmStruct extends Tracked {
  /**
   * Lock -> mm, for properties. Weak both ways (the mm references its locks, so a strong value
   * would keep every execution's objects alive for the whole search).
   */
  private static final Map<SyncObject, WeakReference<MmStruct>> BY_LOCK =
      Collections.synchronizedMap(new WeakHashMap<>());

  public final Kernel kernel;
  public final Discipline discipline;
  public final Cell<Vma> mmap;
  public final Cell<Vma> mmapCache;
  public final Cell<Integer> mapCount;
  public final Cell<Integer> totalVm;
  public final Cell<Integer> lockedVm;
  public final Cell<Integer> rss;
  public final Semaphore mmapSem;
  public final SpinLock pageTableLock;
  /** The vmlist semaphore of the 1999 patch, or null in other eras. */
  public final Semaphore vmlistSem;
  private final List<Cell<Pte>> ptes = new ArrayList<>();
  /**
   * Whether swap_in()/do_wp_page() re-check the PTE after sleeping (the 2.2 code does). A code
   * variant, not an era: set false for Hemment's claim (seed 000). Constant after setup.
   */
  public boolean faultRechecks = true;
  /**
   * Code variant violating seed 002's rule 4: the split allocates its new VMA after taking
   * {@code vmlist_modify_lock} instead of before. False = the patch's order. Constant after setup.
   */
  public boolean allocUnderVmlistLock = false;
  /** Whether sys_mprotect/sys_mlock call merge_segments after the fixup (2.2 does). */
  public boolean mergeAfterFixup = true;

  private int fileBase = Integer.MIN_VALUE;
  private int fileBaseOffset;
  private final Map<String, Integer> changing = new java.util.HashMap<>();

  /** A new, empty address space of {@code pages} pages. */
  public MmStruct(String name, Kernel kernel, Discipline discipline, int pages) {
    super(name);
    this.kernel = kernel;
    this.discipline = discipline;
    this.mmap = cell("mmap", null);
    this.mmapCache = cell("mmap_cache", null);
    this.mapCount = cell("map_count", 0);
    this.totalVm = cell("total_vm", 0);
    this.lockedVm = cell("locked_vm", 0);
    this.rss = cell("rss", 0);
    this.mmapSem = new Semaphore(name + ".mmap_sem", 1);
    this.pageTableLock = new SpinLock(name + ".page_table_lock");
    this.vmlistSem = discipline.vmlistLock() == Discipline.VmlistLock.SEMAPHORE
        ? new Semaphore(name + ".vmlist_lock", 1) : null;
    for (int i = 0; i < pages; i++) {
      ptes.add(cell("pte[" + i + "]", null));
    }
    WeakReference<MmStruct> self = new WeakReference<>(this);
    BY_LOCK.put(mmapSem, self);
    BY_LOCK.put(pageTableLock, self);
    if (vmlistSem != null) {
      BY_LOCK.put(vmlistSem, self);
    }
  }

  /** The mm a lock belongs to, or null (for properties). */
  public static MmStruct ofLock(SyncObject lock) {
    WeakReference<MmStruct> r = BY_LOCK.get(lock);
    return r == null ? null : r.get();
  }

  /** The PTE cell of page {@code addr}. */
  public Cell<Pte> pte(int addr) {
    return ptes.get(addr);
  }

  public int pages() {
    return ptes.size();
  }

  // ---- the era's vmlist lock (seed 002 include/linux/mm.h macros) ----

  /** The object that {@code vmlist_*_lock} maps to in this era, or null. */
  public SyncObject vmlistLockObject() {
    return switch (discipline.vmlistLock()) {
      case NONE -> null;
      case SEMAPHORE -> vmlistSem;
      case PAGE_TABLE_LOCK -> pageTableLock;
    };
  }

  /** {@code vmlist_access_lock(mm)}: nothing, {@code down(&mm->vmlist_lock)} or the PTL. */
  public void vmlistAccessLock() {
    switch (discipline.vmlistLock()) {
      case NONE -> { }
      case SEMAPHORE -> vmlistSem.down();
      case PAGE_TABLE_LOCK -> pageTableLock.lock();
    }
  }

  /** {@code vmlist_access_unlock(mm)}. */
  public void vmlistAccessUnlock() {
    switch (discipline.vmlistLock()) {
      case NONE -> { }
      case SEMAPHORE -> vmlistSem.up();
      case PAGE_TABLE_LOCK -> pageTableLock.unlock();
    }
  }

  /** {@code vmlist_modify_lock(mm)}: the same lock as access in every 1999 variant. */
  public void vmlistModifyLock() {
    vmlistAccessLock();
  }

  /** {@code vmlist_modify_unlock(mm)}. */
  public void vmlistModifyUnlock() {
    vmlistAccessUnlock();
  }

  /**
   * {@code spin_lock(&mm->page_table_lock)} around a PTE update, unless the era's vmlist lock
   * already is the PTL and the caller holds it ({@code vmlistHeld}).
   */
  public void ptlLock(boolean vmlistHeld) {
    if (!(vmlistHeld && discipline.vmlistLock() == Discipline.VmlistLock.PAGE_TABLE_LOCK)) {
      pageTableLock.lock();
    }
  }

  public void ptlUnlock(boolean vmlistHeld) {
    if (!(vmlistHeld && discipline.vmlistLock() == Discipline.VmlistLock.PAGE_TABLE_LOCK)) {
      pageTableLock.unlock();
    }
  }

  // ---- ghost state ----

  /** Ghost: declares that the file mapped at {@code base} maps file page {@code offset} there. */
  public void setFileLayout(int base, int offset) {
    this.fileBase = base;
    this.fileBaseOffset = offset;
  }

  /** Ghost: the file offset address {@code addr} must map, or -1 if no file is laid out. */
  public int expectedOffset(int addr) {
    return fileBase == Integer.MIN_VALUE ? -1 : addr - fileBase + fileBaseOffset;
  }

  /** Ghost: the running kernel path starts changing the list or a listed VMA's fields. */
  public void beginChange() {
    changing.merge(dev.mmcheck.engine.Sched.threadName(), 1, Integer::sum);
  }

  /** Ghost: that path is done. */
  public void endChange() {
    changing.computeIfPresent(dev.mmcheck.engine.Sched.threadName(), (k, v) -> v == 1 ? null : v - 1);
  }

  /** Ghost: true if no kernel path is in the middle of a list change. */
  public boolean quiescent() {
    return changing.isEmpty();
  }

  /** Ghost: is thread {@code name} in the middle of changing this mm's list? */
  public boolean isChanging(String name) {
    return changing.containsKey(name);
  }

  /** Ghost: which threads are changing the list now. */
  public java.util.Set<String> changers() {
    return changing.keySet();
  }

  /** Ghost: the VMAs of the list as they are now (peek, no scheduling points; cycle-safe). */
  public List<Vma> listNow() {
    List<Vma> out = new ArrayList<>();
    for (Vma v = mmap.peek(); v != null && out.size() <= 64; v = v.vmNext.peek()) {
      out.add(v);
    }
    return out;
  }
}
