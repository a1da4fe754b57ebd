package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;

/**
 * A {@code struct vm_area_struct} (Linux 2.2 include/linux/mm.h): {@code [vm_start, vm_end)} in
 * page numbers, {@code vm_offset} (a byte offset in 2.2, here in pages), flags, file, ops and the
 * {@code vm_next} link of the mm's sorted list. It is {@link Tracked}: freeing it with
 * {@code kmem_cache_free} and using it afterwards is a use after free. Simplified away:
 * {@code vm_page_prot} (implied by flags), the AVL tree, {@code vm_next_share}/i_mmap.
 *
 * <p>Ghost state (plain fields, for properties only, never read by kernel paths): the owning
 * mm and whether the VMA is currently linked into that mm's list.
 */
public final class Vma extends Tracked {
  public static final int VM_READ = 0x1;
  public static final int VM_WRITE = 0x2;
  public static final int VM_SHARED = 0x8;
  public static final int VM_GROWSDOWN = 0x100;
  public static final int VM_LOCKED = 0x2000;

  public final Cell<Integer> vmStart;
  public final Cell<Integer> vmEnd;
  public final Cell<Integer> vmOffset;
  public final Cell<Integer> vmFlags;
  public final Cell<Inode> vmFile;
  public final Cell<VmOps> vmOps;
  public final Cell<Vma> vmNext;

  /** Ghost: the mm this VMA belongs to ({@code vm_mm}, set once). */
  public final MmStruct mm;
  /** Ghost: linked into {@code mm}'s list (set by insert, cleared by unlink). */
  private boolean linked;

  /** {@code kmem_cache_alloc(vm_area_cachep)} plus field initialisation. */
  public Vma(String name, MmStruct mm, int start, int end, int offset, int flags, Inode file, VmOps ops) {
    super(name);
    this.mm = mm;
    this.vmStart = cell("vm_start", start);
    this.vmEnd = cell("vm_end", end);
    this.vmOffset = cell("vm_offset", offset);
    this.vmFlags = cell("vm_flags", flags);
    this.vmFile = cell("vm_file", file);
    this.vmOps = cell("vm_ops", ops);
    this.vmNext = cell("vm_next", null);
  }

  /**
   * {@code n = kmem_cache_alloc(); *n = *vma;}: a new VMA with this one's fields, read one by
   * one (each read a scheduling point, as the structure copy is not atomic).
   */
  public Vma copy(String name) {
    int s = vmStart.get();
    int e = vmEnd.get();
    int o = vmOffset.get();
    int f = vmFlags.get();
    Inode file = vmFile.get();
    VmOps ops = vmOps.get();
    return new Vma(name, mm, s, e, o, f, file, ops);
  }

  /** Ghost: is it in its mm's list now? */
  public boolean isLinked() {
    return linked;
  }

  void setLinked(boolean l) {
    linked = l;
  }

  /** Ghost: {@code [start,end)+offset} as they are now, without scheduling points. */
  public String describeNow() {
    return name() + "[" + vmStart.peek() + "," + vmEnd.peek() + ")+" + vmOffset.peek();
  }
}
