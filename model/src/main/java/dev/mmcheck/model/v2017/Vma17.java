package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.ListedVma;
import dev.mmcheck.model.ghost.Mapping;
import java.util.Set;

/**
 * A {@code struct vm_area_struct} of the part-3 model (Linux 2.4.20 include/linux/mm.h; the
 * fields 4.x kept): {@code [vm_start, vm_end)} in pages, {@code vm_flags}, the sorted list link
 * {@code vm_next} and the owning mm ({@code vm_mm}, set once). Only private anonymous mappings
 * are modelled (no file, no {@code vm_pgoff}, no {@code anon_vma}); the rbtree of 2.4.20-4.x
 * is not modelled, lookups walk the list (the same VMAs in the same order). It is
 * {@link Tracked}: freeing it ({@code kmem_cache_free}) and using it afterwards is a use after
 * free.
 *
 * <p>For the 2018 disciplines (seed 004): {@code vm_state} ({@link #LIVE}, {@link #DELETED},
 * {@link #LOCKED}) and {@code vm_wait}, the completion a fault waits on while the VMA is locked
 * (Matthew Wilcox, 21 Mar 2018: "Deleted VMAs would need a pointer to a completion, so operations
 * that need to wait can queue themselves up", Message-ID 20180321172932.GE4780@bombadil...).
 * Neither field existed in any kernel.
 *
 * <p>Ghost state (never read by kernel paths): {@code unlinked_by}, a cell written when the VMA
 * leaves its mm's list, so that DPOR orders it against the {@code vma-walk} property's reads.
 */
public final class Vma17 extends Tracked implements ListedVma {
  public static final int VM_READ = 0x1;
  public static final int VM_WRITE = 0x2;
  public static final int VM_SHARED = 0x8;
  public static final int VM_MAYWRITE = 0x20;
  /** A private anonymous read/write mapping, as malloc makes. */
  public static final int ANON_RW = VM_READ | VM_WRITE | VM_MAYWRITE;

  public static final int LIVE = 0;
  public static final int DELETED = 1;
  public static final int LOCKED = 2;

  private static final Set<String> LIST_FIELDS = Set.of("vm_start", "vm_end", "vm_flags", "vm_next", "vm_state");

  /** {@code vm_mm}. */
  public final Mm17 mm;
  public final Cell<Integer> vmStart;
  public final Cell<Integer> vmEnd;
  public final Cell<Integer> vmFlags;
  public final Cell<Vma17> vmNext;
  public final Cell<Integer> vmState;
  public final Cell<Completion> vmWait;
  private final Cell<String> unlinkedBy;

  /** {@code kmem_cache_alloc(vm_area_cachep)} and initialisation (no events but the alloc). */
  public Vma17(String name, Mm17 mm, int start, int end, int flags, Vma17 next) {
    super(name);
    this.mm = mm;
    this.vmStart = cell("vm_start", start);
    this.vmEnd = cell("vm_end", end);
    this.vmFlags = cell("vm_flags", flags);
    this.vmNext = cell("vm_next", next);
    this.vmState = cell("vm_state", LIVE);
    this.vmWait = cell("vm_wait", null);
    this.unlinkedBy = cell("unlinked_by", null);
  }

  /** Ghost: the running thread has just unlinked it from its mm's list (one write event). */
  void markUnlinked(String thread) {
    unlinkedBy.set(thread);
  }

  @Override
  public String peekUnlinkedBy() {
    return unlinkedBy.peek();
  }

  @Override
  public String mmName() {
    return mm.name();
  }

  @Override
  public boolean isListField(String cellName) {
    int dot = cellName.lastIndexOf('.');
    return LIST_FIELDS.contains(dot < 0 ? cellName : cellName.substring(dot + 1));
  }

  /** Ghost: the mapping as user space would see it now (peek). */
  public Mapping peekMapping() {
    int f = vmFlags.peek();
    return new Mapping(vmStart.peek(), vmEnd.peek(), ((f & VM_READ) != 0 ? "r" : "-") + ((f & VM_WRITE) != 0 ? "w" : "-"),
        (f & VM_SHARED) != 0);
  }
}
