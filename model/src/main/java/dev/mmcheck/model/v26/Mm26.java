package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.RwSem;
import dev.mmcheck.model.lock.MmapSemKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A 2.6 {@code struct mm_struct} (2.6.24 include/linux/mm_types.h): the sorted VMA list
 * ({@code mmap}, {@code vm_next}; the rbtree is not modelled, {@link #find_vma} walks the list),
 * the {@code mmap_cache} hint, {@code mmap_sem} (a kernel {@link RwSemaphore} of class
 * {@code mmap_sem}; faults take it for read), {@code page_table_lock} (one PTE lock for the
 * whole mm, as on configurations without split PTE locks) and one PTE per page of the modelled
 * range {@code [0, pages)}; PTEs point to {@link Page}s ({@link Pte26}). For the 2013 design it
 * also has the mm-wide {@link SeqCount} {@code mm_seq} (seed 001's "sequence counter to track
 * changes to the address space", bumped under mmap_sem(w) where the era validates it) and the
 * SRCU domain {@code vma_srcu} that defers VMA frees where the era says so.
 *
 * <p>All state is per execution: a scenario builds its mms in {@code setup}. Nothing maps a
 * lock or a VMA back to its mm globally; a {@link Vma26} knows its mm ({@code vm_mm}), a PTE
 * value its mm (ghost).
 *
 * <p>Ghost state for the fault-retry property (never read by kernel paths, and per thread: each
 * entry is written and read only on behalf of the thread it names): the objects a thread
 * obtained by a VMA lookup under mmap_sem, how many times it dropped mmap_sem to retry a fault
 * since, and which VMAs it holds pinned by an SRCU read section ({@link #ghostLookup},
 * {@link #ghostRetryDrop}, {@link #ghostPin}, {@link #ghostStale}).
 */
public final class Mm26 {
  private final String name;
  public final Discipline26 d;
  /** The named era {@link #d} came from, or null for a discipline of the author's own; informational (paths read {@link #d}). */
  public final Era26 era;
  /** {@code mmap_sem}: the rwsem, or (Dufour's step 1) a full-range range lock: {@link MmapSemKind}. */
  public final RwSem mmapSem;
  /** {@code mm->page_table_lock}: the PTE lock of every PTE of this mm. */
  public final SpinLock pageTableLock;
  /** {@code mm->mmap}: the first VMA of the sorted list. */
  public final Cell<Vma26> mmap;
  /** {@code mm->mmap_cache}: the last VMA {@code find_vma} returned (a hint). */
  public final Cell<Vma26> mmapCache;
  /** The 2013 mm-wide sequence count (present in every era, written only where the era says). */
  public final SeqCount mmSeq;
  /** SPF's {@code vma_srcu} (present in every era, used only where VMA frees are deferred). */
  public final Srcu vmaSrcu;
  private final List<Cell<Pte26>> ptes = new ArrayList<>();
  private final List<Page> anon = new ArrayList<>();

  private final Map<String, Integer> epoch = new HashMap<>();
  private final Map<String, Map<Tracked, Integer>> obtained = new HashMap<>();
  private final Map<String, Set<Tracked>> pinned = new HashMap<>();
  private final Set<String> inLookup = new HashSet<>();

  public Mm26(String name, Era26 era, Discipline26 d, int pages) {
    this(name, era, d, pages, MmapSemKind.RWSEM);
  }

  /**
   * An mm for a discipline of the model author's own (a 3.x or 4.x kernel, a proposal): no
   * named era ({@link #era} is null), {@code mmap_sem} an rwsem. The paths read only {@code d}.
   */
  public Mm26(String name, Discipline26 d, int pages) {
    this(name, null, d, pages, MmapSemKind.RWSEM);
  }

  /** As above, with {@code mmap_sem} of {@code sem} kind. */
  public Mm26(String name, Era26 era, Discipline26 d, int pages, MmapSemKind sem) {
    this.name = name;
    this.era = era;
    this.d = d;
    this.mmapSem = sem.create(name + ".mmap_sem");
    this.pageTableLock = new SpinLock(name + ".page_table_lock", "page_table_lock");
    this.mmap = new Cell<>(name + ".mmap", null);
    this.mmapCache = new Cell<>(name + ".mmap_cache", null);
    this.mmSeq = new SeqCount(name + ".mm_seq", "mm_seq");
    this.vmaSrcu = new Srcu(name + ".vma_srcu");
    for (int i = 0; i < pages; i++) {
      ptes.add(new Cell<>(name + ".pte[" + i + "]", null));
      anon.add(new Page(null, i, true));
    }
  }

  public String name() {
    return name;
  }

  /** The PTE of page {@code addr}. */
  public Cell<Pte26> pte(int addr) {
    return ptes.get(addr);
  }

  public int pages() {
    return ptes.size();
  }

  /** The anonymous page a fault at {@code addr} allocates (pre-made: allocation is not modelled). */
  public Page anonPage(int addr) {
    return anon.get(addr);
  }

  // ---- the VMA list (2.6.24 mm/mmap.c) ----

  /**
   * {@code find_vma(mm, addr)}: the {@code mmap_cache} hint if it covers {@code addr}, else the
   * first VMA with {@code vm_end > addr} (the rbtree walk, here the list), which becomes the new
   * hint (a plain store, racy between readers as in the kernel). Caller holds mmap_sem. Also notes
   * (ghost) that the running thread obtained the VMA by a lookup now.
   */
  public Vma26 find_vma(int addr) {
    String t = Sched.threadName();
    inLookup.add(t);
    Vma26 vma = mmapCache.get();
    if (!(vma != null && vma.vmEnd.get() > addr && vma.vmStart.get() <= addr)) {
      for (vma = mmap.get(); vma != null; vma = vma.vmNext.get()) {
        if (vma.vmEnd.get() > addr) {
          break;
        }
      }
      if (vma != null) {
        mmapCache.set(vma);
      }
    }
    inLookup.remove(t);
    if (vma != null) {
      ghostLookup(vma);
    }
    return vma;
  }

  /** {@code vma_link()} / {@code __insert_vm_struct()}: link {@code vma} into the sorted list. Caller holds mmap_sem(w). */
  public void vma_link(Vma26 vma) {
    int start = vma.vmStart.get();
    Vma26 prev = null;
    Vma26 next = mmap.get();
    while (next != null && next.vmStart.get() < start) {
      prev = next;
      next = next.vmNext.get();
    }
    vma.vmNext.set(next);
    if (prev == null) {
      mmap.set(vma);
    } else {
      prev.vmNext.set(vma);
    }
  }

  /**
   * {@code detach_vmas_to_be_unmapped()} for one VMA: unlink it ({@code prev->vm_next =
   * vma->vm_next}), {@code mmap_cache = NULL}, and, where a per-VMA validation reads it, the
   * SPF series' {@code RB_CLEAR_NODE(&vma->vm_rb)} in {@code vma_rb_erase()}. Caller holds
   * mmap_sem(w).
   */
  public void detach(Vma26 vma) {
    Vma26 prev = null;
    Vma26 v = mmap.get();
    while (v != vma) {
      prev = v;
      v = v.vmNext.get();
    }
    Vma26 next = vma.vmNext.get();
    if (prev == null) {
      mmap.set(next);
    } else {
      prev.vmNext.set(next);
    }
    mmapCache.set(null);
    if (d.clearsVmRb()) {
      vma.vmRbEmpty.set(true);
    }
  }

  /**
   * {@code remove_vma()}'s free: {@code kmem_cache_free(vm_area_cachep, vma)} at once, or, where
   * the discipline defers VMA frees, {@code call_srcu(&vma_srcu, ...)}.
   */
  public void free_vma(Vma26 vma) {
    if (d.vmaFreeDeferred()) {
      vmaSrcu.callSrcu(vma);
    } else {
      vma.free();
    }
  }

  /** SPF {@code vm_write_begin(vma)} ({@code write_seqcount_begin(&vma->vm_sequence)}) where the era bumps it. */
  public void vmWriteBegin(Vma26 vma) {
    if (d.bumpsVmSequence()) {
      vma.vmSequence.writeBegin();
    }
  }

  public void vmWriteEnd(Vma26 vma) {
    if (d.bumpsVmSequence()) {
      vma.vmSequence.writeEnd();
    }
  }

  /** Setup: maps {@code [start,end)} of {@code file} (null = anonymous) at page offset {@code pgoff}. */
  public Vma26 mapInitial(String vmaName, int start, int end, int pgoff, int flags, Inode26 file) {
    Vma26 v = new Vma26(vmaName, this, start, end, pgoff, flags, file);
    vma_link(v);
    if (file != null) {
      file.mapping.immapAdd(v);
    }
    return v;
  }

  /** Setup: a present PTE at {@code addr} mapping {@code page}. */
  public void ptInitial(int addr, Page page, boolean writable) {
    pte(addr).set(new Pte26(page, writable, this, addr));
  }

  /** Ghost: the VMAs of the list as they are now (peek, no scheduling points; cycle-safe). */
  public List<Vma26> listNow() {
    List<Vma26> out = new ArrayList<>();
    for (Vma26 v = mmap.peek(); v != null && out.size() <= 64; v = v.vmNext.peek()) {
      out.add(v);
    }
    return out;
  }

  // ---- the 2013 sequence count (written under mmap_sem(w) by address-space changes) ----

  /** {@code write_seqcount_begin(&mm->mm_seq)} where the era validates an mm-wide count. */
  public void seqWriteBegin() {
    if (d.bumpsMmSeq()) {
      mmSeq.writeBegin();
    }
  }

  public void seqWriteEnd() {
    if (d.bumpsMmSeq()) {
      mmSeq.writeEnd();
    }
  }

  // ---- ghost state for the fault-retry property ----

  /** Ghost: the running thread obtained {@code o} by a lookup under mmap_sem. */
  public void ghostLookup(Tracked o) {
    String t = Sched.threadName();
    obtained.computeIfAbsent(t, k -> new IdentityHashMap<>()).put(o, epoch.getOrDefault(t, 0));
  }

  /** Ghost: the running thread drops mmap_sem to return {@code VM_FAULT_RETRY} or to call the filesystem. */
  public void ghostRetryDrop() {
    epoch.merge(Sched.threadName(), 1, Integer::sum);
  }

  /**
   * Ghost: the running thread pins {@code o} ({@code true}: it entered an SRCU read section that
   * keeps {@code o} allocated) or unpins it ({@code false}).
   */
  public void ghostPin(Tracked o, boolean pin) {
    String t = Sched.threadName();
    if (pin) {
      pinned.computeIfAbsent(t, k -> java.util.Collections.newSetFromMap(new IdentityHashMap<>())).add(o);
    } else if (pinned.containsKey(t)) {
      pinned.get(t).remove(o);
    }
  }

  /**
   * Ghost: true if {@code thread} obtained {@code o} by a lookup, has dropped mmap_sem since, has
   * not looked it up again (and is not inside a lookup now), and does not hold it pinned.
   */
  public boolean ghostStale(String thread, Tracked o) {
    if (inLookup.contains(thread) || pinned.getOrDefault(thread, Set.of()).contains(o)) {
      return false;
    }
    Map<Tracked, Integer> m = obtained.get(thread);
    Integer at = m == null ? null : m.get(o);
    return at != null && at < epoch.getOrDefault(thread, 0);
  }
}
