package dev.mmcheck.model.v2017;

/**
 * The per-thread VMA cache, mm/vmacache.c (3.15 to 6.0; read in the code index):
 * {@code vmacache_find} validates the task's seqnum against {@code mm->vmacache_seqnum}
 * (flushing and returning NULL on a mismatch), then, starting at {@code VMACACHE_HASH(addr)},
 * reads {@code vm_start}/{@code vm_end} of every cached VMA; {@code vmacache_update} stores the
 * VMA {@code find_vma} found; {@code vmacache_invalidate} ({@code mm->vmacache_seqnum++}) is
 * called when a VMA is unlinked. Its correctness rests on the cached VMAs not being freed while
 * the task looks at them: true when every unlink holds mmap_sem for write and every lookup
 * holds it for read, not when they hold disjoint ranges.
 */
public final class Vmacache17 {
  private Vmacache17() {}

  /** {@code vmacache_valid(mm)}: true if the task's cache belongs to the mm's current seqnum. */
  static boolean valid(Mm17 mm, Task17 t) {
    int seq = mm.vmacacheSeqnum.get();
    if (t.seqnum.get() != seq) {
      t.seqnum.set(seq);
      for (int i = 0; i < Task17.VMACACHE_SIZE; i++) {
        t.slot(i).set(null);                    // vmacache_flush(curr)
      }
      return false;
    }
    return true;
  }

  /** {@code vmacache_find(mm, addr)}. */
  public static Vma17 find(Mm17 mm, Task17 t, int addr) {
    if (!valid(mm, t)) {
      return null;
    }
    int idx = Task17.hash(addr);
    for (int i = 0; i < Task17.VMACACHE_SIZE; i++) {
      Vma17 v = t.slot(idx).get();
      if (v != null && v.vmStart.get() <= addr && v.vmEnd.get() > addr) {
        return v;
      }
      idx = (idx + 1) % Task17.VMACACHE_SIZE;
    }
    return null;
  }

  /** {@code vmacache_update(addr, vma)}. */
  public static void update(Task17 t, int addr, Vma17 v) {
    t.slot(Task17.hash(addr)).set(v);
  }

  /** {@code vmacache_invalidate(mm)}: {@code mm->vmacache_seqnum++} (the caller holds the list). */
  public static void invalidate(Mm17 mm) {
    mm.vmacacheSeqnum.set(mm.vmacacheSeqnum.get() + 1);
  }
}
