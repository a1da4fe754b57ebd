package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.AddressSpaceView;
import dev.mmcheck.model.ghost.Mapping;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code struct mm_struct} of the part-3 model (Linux 2.4.20 include/linux/sched.h; the fields
 * 4.x kept, and the range lock of Dufour's 2017 RFC): the sorted VMA list ({@code mmap},
 * {@code vm_next}), the era's {@link MmLock} ({@code <mm>.mmap_sem}), {@code page_table_lock},
 * the VMA list lock where the discipline has one ({@code mm_rb_lock}),
 * {@code vmacache_seqnum}, and one PTE cell per page of the modelled range {@code [0, pages)}.
 * Simplified: no rbtree, no pgd/pmd levels, no counters, no {@code mm_users}.
 *
 * <p>{@code <mm>.mmu} is a ghost spinlock standing for the hardware: a user access translates
 * through the PTE and completes as one step with respect to every PTE change, which the model
 * makes under it too ({@link #setPte}). That is what the TLB flush at the end of each
 * PTE-changing path ({@code flush_tlb_mm} in {@code dup_mmap}, {@code flush_tlb_range}) gives
 * the kernel; stale-TLB writes between a PTE change and its flush are not modelled.
 *
 * <p>It is also the {@link AddressSpaceView} of the part-3 properties: a page address is mapped
 * if a listed VMA covers it, its contents are those of the page present there, or 0 (an
 * anonymous mapping reads zeros before its first write).
 */
public final class Mm17 extends Tracked implements AddressSpaceView {
  public final Discipline17 d;
  public final MmLock lock;
  public final SpinLock pageTableLock;
  /** Ghost: the MMU (see the class comment). */
  public final SpinLock mmu;
  /** {@code mm_rb_lock}, or null when the discipline has no VMA list lock. */
  public final SpinLock rbLock;
  /** The BKL (shared by every mm of a scenario), or null outside 2.2.1. */
  public final GiantLock bkl;
  public final Cell<Vma17> mmap;
  public final Cell<Integer> vmacacheSeqnum;
  private final List<Cell<Pte17>> ptes = new ArrayList<>();

  /** A new, empty address space of {@code pages} pages ({@code allocate_mm} + {@code mm_init}). */
  public Mm17(String name, Discipline17 d, int pages, GiantLock bkl) {
    super(name);
    this.d = d;
    this.lock = MmLock.create(d.mmLock(), name, d.fullRange());
    this.pageTableLock = new SpinLock(name + ".page_table_lock");
    this.mmu = new SpinLock(name + ".mmu");
    this.rbLock = d.listLock() == Discipline17.ListLock.RWLOCK ? new SpinLock(name + ".mm_rb_lock") : null;
    this.bkl = d.bkl() ? bkl : null;
    this.mmap = cell("mmap", null);
    this.vmacacheSeqnum = cell("vmacache_seqnum", 0);
    for (int i = 0; i < pages; i++) {
      ptes.add(cell("pte[" + i + "]", null));
    }
  }

  /** The PTE cell of page {@code addr}. */
  public Cell<Pte17> pte(int addr) {
    return ptes.get(addr);
  }

  /** {@code set_pte()} as the hardware sees it: under the ghost MMU lock (3 events). */
  public void setPte(int addr, Pte17 pte) {
    mmu.lock();
    ptes.get(addr).set(pte);
    mmu.unlock();
  }

  // ---- the VMA list lock (mm_rb_lock) ----

  /** {@code read_lock(&mm->mm_rb_lock)} where the discipline has it. */
  public void listReadLock() {
    if (rbLock != null) {
      rbLock.lock();
    }
  }

  public void listReadUnlock() {
    if (rbLock != null) {
      rbLock.unlock();
    }
  }

  /** {@code write_lock(&mm->mm_rb_lock)} where the discipline has it. */
  public void listWriteLock() {
    listReadLock();
  }

  public void listWriteUnlock() {
    listReadUnlock();
  }

  // ---- the BKL of 2.2.1 ----

  public void lockKernel() {
    if (bkl != null) {
      bkl.lock();
    }
  }

  public void unlockKernel() {
    if (bkl != null) {
      bkl.unlock();
    }
  }

  // ---- setup helpers (no scheduling points) ----

  /** Setup: links {@code [start,end)} with {@code flags} at the end of the list. */
  public Vma17 mapInitial(String name, int start, int end, int flags) {
    Vma17 v = new Vma17(name, this, start, end, flags, null);
    List<Vma17> now = listNow();
    if (now.isEmpty()) {
      mmap.set(v);
    } else {
      now.get(now.size() - 1).vmNext.set(v);
    }
    return v;
  }

  /** Setup: a present PTE at {@code addr}, a fresh page holding {@code data}. */
  public Page17 pageInitial(int addr, int data, boolean write) {
    Page17 p = new Page17(name() + ".page" + addr, data);
    ptes.get(addr).set(new Pte17(p, write));
    return p;
  }

  // ---- the view (peek only) ----

  /** Ghost: the list as it is now (peek, no scheduling points; cycle-safe). */
  public List<Vma17> listNow() {
    List<Vma17> out = new ArrayList<>();
    for (Vma17 v = mmap.peek(); v != null && out.size() <= 64; v = v.vmNext.peek()) {
      out.add(v);
    }
    return out;
  }

  @Override
  public int pages() {
    return ptes.size();
  }

  @Override
  public Mapping peekMapping(int addr) {
    for (Vma17 v : listNow()) {
      if (v.isFreed()) {
        return null;
      }
      if (v.vmStart.peek() <= addr && addr < v.vmEnd.peek()) {
        return v.peekMapping();
      }
    }
    return null;
  }

  @Override
  public Tracked peekPage(int addr) {
    Pte17 p = ptes.get(addr).peek();
    return p == null ? null : p.page();
  }

  @Override
  public Object peekContents(int addr) {
    Pte17 p = ptes.get(addr).peek();
    return p == null ? 0 : p.page().data.peek();
  }

  @Override
  public boolean covers(Tracked object) {
    return object == this || object instanceof Page17 || (object instanceof Vma17 v && v.mm == this);
  }

  /** A name for a page the running thread allocates at {@code addr}: deterministic per thread. */
  String newPageName(int addr) {
    return name() + ".page" + addr + "'" + Sched.threadName();
  }
}
