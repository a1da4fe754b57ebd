package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Semaphore;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.Tracked;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code struct mm_struct} (Linux 2.2.1 include/linux/sched.h; {@code vmlist_lock} from seed
 * 002; the rw_semaphore {@code mmap_sem} of 2.4.20): the sorted singly linked VMA list ({@code mmap},
 * {@code vm_next}), {@code mmap_sem}, {@code page_table_lock}, the era's vmlist lock, the
 * counters, the {@code mmap_cache} hint and a page table of one PTE per page of the modelled
 * range {@code [0, pages)}. It is {@link Tracked}: the {@code mmdrop()} of the last reference
 * frees it ({@link Mmap#mmdrop}), and a thread that uses it afterwards commits a use after free.
 * Simplified: no AVL tree (2.2 builds it only at 32 VMAs), no pgd/pmd levels.
 *
 * <p>Ghost state for properties, never read by kernel paths: the file layout every
 * file-backed address must keep ({@link #expectedOffset}) and which threads are in the middle of
 * changing the list ({@link #beginChange}/{@link #endChange}; the list invariants are only
 * required when none is). The latter is a {@link Cell}, so that its updates are events the
 * search orders against the reads a property makes of it.
 */
public final class MmStruct extends Tracked {
  public final Kernel kernel;
  public final Discipline discipline;
  public final Cell<Vma> mmap;
  public final Cell<Vma> mmapCache;
  public final Cell<Integer> mapCount;
  public final Cell<Integer> totalVm;
  public final Cell<Integer> lockedVm;
  public final Cell<Integer> rss;
  /**
   * On the list stealers pick victims from (2.2.1 the task list, 2.4 {@code mmlist}): 2.4.0
   * {@code copy_mm} adds a child after {@code dup_mmap}, 2.4.20 {@code dup_mmap} first ("so
   * that swapoff can see any swap entries"). True for every mm a scenario builds, except a fork
   * child until fork adds it.
   */
  public final Cell<Boolean> onMmlist;
  /** {@code mm_users}: tasks using the address space (2.3.21 include/linux/sched.h, seed 002 context). */
  public final Cell<Integer> mmUsers;
  /** {@code mm_count}: references to the struct ("users count as 1"). */
  public final Cell<Integer> mmCount;
  /** {@code mmap_sem} as a semaphore (every era but 2.4.20). */
  public final Semaphore mmapSem;
  /** {@code mmap_sem} as an rw_semaphore (2.4.20), or null. */
  public final RwSemaphore mmapRwSem;
  public final SpinLock pageTableLock;
  /** The vmlist semaphore of the 1999 patch, or null in other eras. */
  public final Semaphore vmlistSem;
  private final List<Cell<Pte>> ptes = new ArrayList<>();
  /**
   * Whether swap-in and {@code do_wp_page()} re-check the PTE after sleeping. The era's value
   * ({@link Discipline#faultRechecks}); a scenario may set it false for Hemment's claim (seed
   * 000). Constant after setup.
   */
  public boolean faultRechecks;
  /**
   * Code variant violating seed 002's rule 4: the split allocates its new VMA after taking
   * {@code vmlist_modify_lock} instead of before. False = the patch's order. Constant after setup.
   */
  public boolean allocUnderVmlistLock = false;
  /**
   * Code variant violating seed 002's "care must be taken that it is not held on entry to the
   * driver methods": {@code try_to_swap_out} keeps {@code vmlist_access_lock} across
   * {@code swapout()}, as Manfred Spraul proposed on 15 Oct 1999 and Kanoj Sarcar refuted with
   * a two-process deadlock (Message-Id 199910151638.JAA72758). Constant after setup.
   */
  public boolean swapoutUnderVmlistLock = false;
  /** Whether sys_mprotect/sys_mlock call merge_segments after the fixup (2.2 does). */
  public boolean mergeAfterFixup = true;

  /** Ghost: no task uses this mm yet (a fork child before {@code tsk->mm = mm}). */
  private final Cell<Boolean> unshared;
  private int fileBase = Integer.MIN_VALUE;
  private int fileBaseOffset;
  /**
   * Ghost: thread name -> a cell holding how deeply that thread is nested in list changes. One
   * cell per thread, written only by that thread (so no update can be lost between a read and
   * a write of a shared value); created at the thread's first change, like any object a kernel
   * path allocates.
   */
  private final Map<String, Cell<Integer>> changing = new java.util.LinkedHashMap<>();

  /** A new, empty address space of {@code pages} pages. */
  public MmStruct(String name, Kernel kernel, Discipline discipline, int pages) {
    super(name);
    this.kernel = kernel;
    this.discipline = discipline;
    this.faultRechecks = discipline.faultRechecks();
    this.mmap = cell("mmap", null);
    this.mmapCache = cell("mmap_cache", null);
    this.mapCount = cell("map_count", 0);
    this.totalVm = cell("total_vm", 0);
    this.lockedVm = cell("locked_vm", 0);
    this.rss = cell("rss", 0);
    this.onMmlist = cell("on_mmlist", true);
    this.mmUsers = cell("mm_users", 1);
    this.mmCount = cell("mm_count", 1);
    this.unshared = new Cell<>(name + ".ghost_unshared", false);
    this.mmapSem = new Semaphore(name + ".mmap_sem", 1);
    this.mmapRwSem = discipline.mmapSemRw() ? new RwSemaphore(name + ".mmap_sem", "mmap_sem") : null;
    this.pageTableLock = new SpinLock(name + ".page_table_lock");
    this.vmlistSem = discipline.vmlistLock() == Discipline.VmlistLock.SEMAPHORE
        ? new Semaphore(name + ".vmlist_lock", 1) : null;
    for (int i = 0; i < pages; i++) {
      ptes.add(cell("pte[" + i + "]", null));
    }
    mmapSem.attach(this);
    if (mmapRwSem != null) {
      mmapRwSem.attach(this);
    }
    pageTableLock.attach(this);
    if (vmlistSem != null) {
      vmlistSem.attach(this);
    }
  }

  /** The mm a lock belongs to, or null (for properties). */
  public static MmStruct ofLock(SyncObject lock) {
    return lock.attachment() instanceof MmStruct mm ? mm : null;
  }

  /** The PTE cell of page {@code addr}. */
  public Cell<Pte> pte(int addr) {
    return ptes.get(addr);
  }

  public int pages() {
    return ptes.size();
  }

  // ---- mmap_sem (a semaphore; an rw_semaphore in 2.4.20) ----

  /** The object that is {@code mmap_sem} in this era. */
  public SyncObject mmapSemObject() {
    return mmapRwSem != null ? mmapRwSem : mmapSem;
  }

  /** {@code down(&mm->mmap_sem)}, or {@code down_write} in 2.4.20. */
  public void mmapDownWrite() {
    if (mmapRwSem != null) {
      mmapRwSem.downWrite();
    } else {
      mmapSem.down();
    }
  }

  /** {@code up(&mm->mmap_sem)}, or {@code up_write}. */
  public void mmapUpWrite() {
    if (mmapRwSem != null) {
      mmapRwSem.upWrite();
    } else {
      mmapSem.up();
    }
  }

  /** A fault's {@code down(&mm->mmap_sem)}: {@code down_read} in 2.4.20, exclusive before. */
  public void mmapDownRead() {
    if (mmapRwSem != null) {
      mmapRwSem.downRead();
    } else {
      mmapSem.down();
    }
  }

  /** {@code up}, or {@code up_read} in 2.4.20. */
  public void mmapUpRead() {
    if (mmapRwSem != null) {
      mmapRwSem.upRead();
    } else {
      mmapSem.up();
    }
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

  /** Ghost: whether no task uses this mm yet; a write event (setup: a fork child). */
  public void setUnshared(boolean u) {
    unshared.set(u);
  }

  /** Ghost: true while no task uses this mm, so no clone can race with changes to its list. */
  public boolean isUnshared() {
    return unshared.peek();
  }

  /** Ghost: the running kernel path starts changing the list or a listed VMA's fields. */
  public void beginChange() {
    Cell<Integer> c = changing.computeIfAbsent(Sched.threadName(),
        t -> new Cell<>(name() + ".ghost_changing[" + t + "]", 0));
    c.set(c.peek() + 1);
  }

  /** Ghost: that path is done. */
  public void endChange() {
    Cell<Integer> c = changing.get(Sched.threadName());
    if (c != null && c.peek() > 0) {
      c.set(c.peek() - 1);
    }
  }

  /** Ghost: true if no kernel path is in the middle of a list change. */
  public boolean quiescent() {
    for (Cell<Integer> c : changing.values()) {
      if (c.peek() > 0) {
        return false;
      }
    }
    return true;
  }

  /** Ghost: is thread {@code name} in the middle of changing this mm's list? */
  public boolean isChanging(String name) {
    Cell<Integer> c = changing.get(name);
    return c != null && c.peek() > 0;
  }

  /** Ghost: which threads are changing the list now. */
  public Set<String> changers() {
    Set<String> out = new java.util.TreeSet<>();
    changing.forEach((t, c) -> {
      if (c.peek() > 0) {
        out.add(t);
      }
    });
    return out;
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
