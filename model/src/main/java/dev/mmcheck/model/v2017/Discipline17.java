package dev.mmcheck.model.v2017;

import static dev.mmcheck.model.Knobs.bool;
import static dev.mmcheck.model.Knobs.given;

import java.util.List;
import java.util.Map;

/**
 * One part-3 era's locking discipline for the address space ({@link Era17} has the table).
 * {@link #withOverrides} flips single knobs from scenario parameters {@code mm.<knob>}.
 *
 * @param mmLock what {@code mmap_sem} is
 * @param bkl the big kernel lock is taken by fork, the fault handler and the layout system
 *     calls after {@code mmap_sem} (2.2.1 {@code do_fork}: {@code down(&current->mm->mmap_sem);
 *     lock_kernel();})
 * @param pageTableLock faults, {@code copy_page_range} and {@code zap_page_range} take
 *     {@code page_table_lock} around PTE changes (2.4.20 and later); false: 2.2.1, where the BKL
 *     and mmap_sem stand for it
 * @param fullRange (range lock only) every range request is widened to the full range: Dufour's
 *     step 1
 * @param dupLock how {@code dup_mmap} locks the parent's mm (seed 003's first question)
 * @param listLock whether a dedicated lock protects the VMA list against walkers that hold only
 *     a range (seed 003's second question)
 * @param vmacache where {@code find_vma} consults the per-thread VMA cache
 */
public record Discipline17(MmLock.Kind mmLock, boolean bkl, boolean pageTableLock, boolean fullRange, DupLock dupLock,
    ListLock listLock, Vmacache vmacache) {

  /** How {@code dup_mmap} locks the old mm. */
  public enum DupLock {
    /** The whole range (or mmap_sem) for write: 2.4.20 {@code down_write(&oldmm->mmap_sem)}, Dufour's RFC. */
    WRITE,
    /** The whole range for read: faults (readers) then run during the copy. */
    READ,
    /**
     * Each old VMA's own range for write while that VMA is copied, hand over hand along
     * {@code vm_next} (a "sub-range" discipline no patch proposed; the narrowest one that still
     * locks what is being copied).
     */
    SUBRANGE,
    /** Nothing. */
    NONE
  }

  /** The VMA list/tree lock of a range-locked mm. */
  public enum ListLock {
    /** None: the range lock alone (the RFC). */
    NONE,
    /**
     * A per-mm lock around every list walk and every link/unlink: Dufour's
     * {@code mm_rb_lock}, an {@code rwlock_t} ("mm: protect mm_rb tree with a rwlock",
     * speculative page fault v10 17/25, 17 Apr 2018, Message-Id
     * 1523975611-15978-18-git-send-email-ldufour@linux.vnet.ibm.com), which is also what Matthew
     * Wilcox suggested for the rbtree ("a spinlock / rwlock to protect the rbtree", 22 Mar 2018,
     * Message-ID 20180322161316.GD28468@bombadil.infradead.org). Modelled as a spinlock
     * {@code <mm>.mm_rb_lock}: readers exclude each other too, which can only hide reader/reader
     * interleavings, and walkers never write the list.
     */
    RWLOCK
  }

  /**
   * Where {@code find_vma} consults the per-thread {@code vmacache} (3.15 to 6.0, mm/vmacache.c
   * {@code vmacache_find}: validate {@code current->vmacache.seqnum} against
   * {@code mm->vmacache_seqnum}, then compare {@code vm_start}/{@code vm_end} of every cached
   * VMA; {@code vmacache_invalidate} bumps the mm's seqnum when a VMA is unlinked).
   */
  public enum Vmacache {
    /** Not modelled (2.x has a single {@code mm->mmap_cache} hint, irrelevant here). */
    NONE,
    /** Inside the list lock (where {@code find_vma} runs), as a range-locked mm would need. */
    INSIDE,
    /**
     * Before taking the list lock: Dufour kept the cache out of {@code mm_rb_lock} ("The VMA cache
     * is not protected by the new rwlock and it should not be used without holding the
     * mmap_sem", same patch), so a walker holding only a range must not use it.
     */
    OUTSIDE
  }

  /** Knob names, as config keys without the {@code mm.} prefix. */
  public static final List<String> KNOBS = List.of("fullRange", "dupLock", "listLock", "vmacache");

  /** Applies {@code mm.<knob>} overrides; absent, blank or {@code era} keeps the era's value. */
  public Discipline17 withOverrides(Map<String, String> p) {
    return new Discipline17(mmLock, bkl, pageTableLock, bool(p, "fullRange", fullRange),
        choice(p, "dupLock", DupLock.class, dupLock), choice(p, "listLock", ListLock.class, listLock),
        choice(p, "vmacache", Vmacache.class, vmacache));
  }

  /** The values a knob takes in configs: {@code era} first, then the knob's own. */
  public static List<String> choices(String knob) {
    List<String> out = new java.util.ArrayList<>(List.of("era"));
    switch (knob) {
      case "fullRange" -> out.addAll(List.of("true", "false"));
      case "dupLock" -> names(DupLock.values(), out);
      case "listLock" -> names(ListLock.values(), out);
      case "vmacache" -> names(Vmacache.values(), out);
      default -> throw new IllegalArgumentException("no part-3 knob " + knob);
    }
    return List.copyOf(out);
  }

  private static void names(Enum<?>[] values, List<String> out) {
    for (Enum<?> v : values) {
      out.add(v.name());
    }
  }



  static <E extends Enum<E>> E choice(Map<String, String> p, String knob, Class<E> type, E dflt) {
    if (!given(p, "mm." + knob)) {
      return dflt;
    }
    String v = p.get("mm." + knob).trim();
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(v)) {
        return e;
      }
    }
    throw new IllegalArgumentException("mm." + knob + " must be one of " + choices(knob) + ", not '" + v + "'");
  }
}
