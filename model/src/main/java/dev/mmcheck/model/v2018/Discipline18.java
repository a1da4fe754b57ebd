package dev.mmcheck.model.v2018;

import static dev.mmcheck.model.Knobs.bool;
import static dev.mmcheck.model.Knobs.given;

import java.util.List;
import java.util.Map;

/**
 * One seed-004 discipline for unmapping a large range while page faults run ({@link Era18} has
 * the table). {@link #withOverrides} flips single knobs from {@code mm.<knob>}.
 *
 * @param sectioned {@code do_munmap} works section by section and may drop {@code mmap_sem}
 *     between sections (Yang Shi, "[RFC PATCH 1/8] mm: mmap: unmap large mapping by section",
 *     20 Mar 2018, Message-Id 1521581486-99134-2-git-send-email-yang.shi@linux.alibaba.com)
 * @param mapFixedAtomic {@code mmap_region} (MAP_FIXED's "Clear old maps") passes
 *     {@code atomic = true}: its unmap never drops the lock ("it sounds not safe to
 *     mmap_region()", RFC 2/8, Message-Id 1521581486-99134-3-git-send-email-yang.shi@...);
 *     false: MAP_FIXED unmaps by sections too
 * @param mark how the VMAs being removed are marked for concurrent faults
 * @param markBeforeSplit (a mutation) the VMAs overlapping the range are marked before the
 *     partial ones are split, so the struct copy of {@code __split_vma} carries the mark into
 *     the part that stays mapped
 */
public record Discipline18(boolean sectioned, boolean mapFixedAtomic, Mark mark, boolean markBeforeSplit) {

  /** What a fault finds on a VMA that an unmap in progress is removing. */
  public enum Mark {
    /**
     * Nothing: the VMA is simply there until its section is unmapped; a fault relies on
     * mmap_sem and the PTE lock (Yang Shi's RFC; Laurent Dufour, 22 Mar 2018: "why not relying on
     * the PTE locking ?", Message-Id 0442fb0e-3da3-3f23-ce4d-0f6cbc3eac9a@linux.vnet.ibm.com).
     */
    NONE,
    /**
     * Deleted: marked under {@code mmap_sem(w)}, then the lock is dropped for the zap; a fault
     * that finds it raises the signal at once (Matthew Wilcox, 21 Mar 2018, Message-ID
     * 20180321172932.GE4780@bombadil.infradead.org: "page faults, eg will need to SIGBUS").
     */
    DELETED,
    /**
     * Locked: as deleted, but a fault that finds it drops mmap_sem, waits on the VMA's
     * completion and retries (Wilcox, 22 Mar 2018, the seed: "we instead need the concept of a
     * *locked* VMA that page faults will block on ... I'd use a completion instead of an rwsem").
     */
    LOCKED
  }

  /** Knob names, as config keys without the {@code mm.} prefix. */
  public static final List<String> KNOBS = List.of("sectioned", "mapFixedAtomic", "mark", "markBeforeSplit");

  /** Applies {@code mm.<knob>} overrides; absent, blank or {@code era} keeps the era's value. */
  public Discipline18 withOverrides(Map<String, String> p) {
    return new Discipline18(bool(p, "sectioned", sectioned), bool(p, "mapFixedAtomic", mapFixedAtomic),
        mark(p, mark), bool(p, "markBeforeSplit", markBeforeSplit));
  }

  /** The values a knob takes in configs. */
  public static List<String> choices(String knob) {
    return knob.equals("mark") ? List.of("era", "NONE", "DELETED", "LOCKED") : List.of("era", "true", "false");
  }



  private static Mark mark(Map<String, String> p, Mark dflt) {
    if (!given(p, "mm.mark")) {
      return dflt;
    }
    String v = p.get("mm.mark").trim();
    try {
      return Mark.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mm.mark must be one of NONE, DELETED, LOCKED or era, not '" + v + "'");
    }
  }
}
