package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * A 2.6 {@code struct mm_struct}: the part-1 {@link MmStruct} (its VMA list, {@code mmap_cache}
 * and {@code page_table_lock}) extended with what 2.6 changed: {@code mmap_sem} is a kernel
 * {@link RwSemaphore} (class {@code mmap_sem}, faults take it for read), PTEs point to
 * {@link Page}s ({@link Pte26}), and, in the 2013 era, an mm-wide {@link SeqCount}
 * {@code mm_seq} that every address-space change bumps under mmap_sem(w) (seed 001's "sequence
 * counter to track changes to the address space"). The part-1 semaphore and part-1 PTEs of the
 * wrapped mm are never used by 2.6 paths. The part-1 discipline of the wrapped mm is
 * {@code 1999-final} (every syscall takes mmap_sem, {@code page_table_lock} named directly),
 * which 2.6 keeps; {@code vm_offset} stands for 2.6's {@code vm_pgoff} (in pages).
 *
 * <p>Ghost state for the fault-retry property (never read by kernel paths): per thread, the
 * objects it obtained by a VMA lookup under mmap_sem, and how many times it dropped mmap_sem to
 * retry a fault since ({@link #ghostLookup}, {@link #ghostRetryDrop}, {@link #ghostStale}).
 */
public final class Mm26 {
  private static final Map<MmStruct, Mm26> BY_MM = Collections.synchronizedMap(new WeakHashMap<>());

  public final MmStruct mm;
  public final Discipline26 d;
  public final Era26 era;
  public final RwSemaphore mmapSem;
  /** The 2013 mm-wide sequence count (present in every era, written only where the era says). */
  public final SeqCount mmSeq;
  private final List<Cell<Pte26>> ptes = new ArrayList<>();
  private final List<Page> anon = new ArrayList<>();
  private final Map<Vma, Cell<Integer>> vmaSeq = new IdentityHashMap<>();

  private final Map<String, Integer> epoch = new HashMap<>();
  private final Map<String, Map<Tracked, Integer>> obtained = new HashMap<>();
  private final Set<String> inLookup = new HashSet<>();

  public Mm26(String name, Era26 era, Discipline26 d, int pages) {
    this.mm = new MmStruct(name, new Kernel(), Era.E1999_FINAL.discipline(), 0);
    this.era = era;
    this.d = d;
    this.mmapSem = new RwSemaphore(name + ".mmap_sem", "mmap_sem");
    this.mmSeq = new SeqCount(name + ".mm_seq", "mm_seq");
    for (int i = 0; i < pages; i++) {
      ptes.add(new Cell<>(name + ".pte[" + i + "]", null));
      anon.add(new Page(null, i, true));
    }
    BY_MM.put(mm, this);
  }

  /** The 2.6 mm of a part-1 mm, or null. */
  public static Mm26 of(MmStruct mm) {
    return mm == null ? null : BY_MM.get(mm);
  }

  public String name() {
    return mm.name();
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

  /** The per-VMA counter of {@link Discipline26.SeqValidate#VMA} (0 for a new VMA). */
  public synchronized Cell<Integer> vmaSeq(Vma v) {
    return vmaSeq.computeIfAbsent(v, k -> new Cell<>(k.name() + ".vm_seq", 0));
  }

  /**
   * {@code find_vma(mm, addr)} (2.6 mm/mmap.c; the part-1 list walk with the {@code mmap_cache}
   * hint) plus the ghost note that the running thread obtained the VMA by a lookup now. The
   * caller holds mmap_sem.
   */
  public Vma find_vma(int addr) {
    String t = Sched.threadName();
    inLookup.add(t);
    Vma v = Mmap.find_vma(mm, addr);
    inLookup.remove(t);
    if (v != null) {
      ghostLookup(v);
    }
    return v;
  }

  /** Setup: maps {@code [start,end)} of {@code file} (null = anonymous) at page offset {@code pgoff}. */
  public Vma mapInitial(String name, int start, int end, int pgoff, int flags, Inode26 file) {
    Vma v = new Vma(name, mm, start, end, pgoff, flags, file == null ? null : file.inode,
        file == null ? null : VmOps.FILE_SHARED);
    Mmap.link_initial(mm, v);
    if (file != null) {
      file.mapping.iMmap.set(List.of(v));
    }
    return v;
  }

  /** Setup: a present PTE at {@code addr} mapping {@code page}. */
  public void ptInitial(int addr, Page page) {
    pte(addr).set(new Pte26(page, this, addr));
  }

  // ---- the 2013 sequence count (written under mmap_sem(w) by address-space changes) ----

  /** {@code write_seqcount_begin(&mm->mm_seq)} where the era validates an mm-wide count. */
  public void seqWriteBegin() {
    if (d.faultDropsMmapSem() && d.seqValidate() == Discipline26.SeqValidate.MM) {
      mmSeq.writeBegin();
    }
  }

  public void seqWriteEnd() {
    if (d.faultDropsMmapSem() && d.seqValidate() == Discipline26.SeqValidate.MM) {
      mmSeq.writeEnd();
    }
  }

  // ---- ghost state for the fault-retry property ----

  /** Ghost: the running thread obtained {@code o} by a lookup under mmap_sem. */
  public void ghostLookup(Tracked o) {
    String t = Sched.threadName();
    obtained.computeIfAbsent(t, k -> new IdentityHashMap<>()).put(o, epoch.getOrDefault(t, 0));
  }

  /** Ghost: the running thread drops mmap_sem to return {@code VM_FAULT_RETRY}. */
  public void ghostRetryDrop() {
    epoch.merge(Sched.threadName(), 1, Integer::sum);
  }

  /**
   * Ghost: true if {@code thread} obtained {@code o} by a lookup, has dropped mmap_sem for a
   * fault retry since, and has not looked it up again (and is not inside a lookup now).
   */
  public boolean ghostStale(String thread, Tracked o) {
    if (inLookup.contains(thread)) {
      return false;
    }
    Map<Tracked, Integer> m = obtained.get(thread);
    Integer at = m == null ? null : m.get(o);
    return at != null && at < epoch.getOrDefault(thread, 0);
  }
}
