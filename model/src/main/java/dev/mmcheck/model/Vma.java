package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;

/**
 * A {@code struct vm_area_struct} (Linux 2.2.1 include/linux/mm.h): {@code [vm_start, vm_end)}
 * in page numbers, {@code vm_offset} (a byte offset in 2.2, here in pages), {@code vm_flags},
 * {@code vm_page_prot}, file, ops and the {@code vm_next} link of the mm's sorted list. It is
 * {@link Tracked}: freeing it with {@code kmem_cache_free} and using it afterwards is a use
 * after free. Simplified away: the AVL tree, {@code vm_next_share}/i_mmap.
 *
 * <p>{@code vm_page_prot} is reduced to "writable or not" ({@link #PROT_WRITE}), as 2.2.1
 * mm/mmap.c {@code protection_map[vm_flags & 0x0f]} gives it on i386: a shared writable
 * mapping gets {@code PAGE_SHARED} (writable), a private writable one {@code PAGE_COPY}
 * (read-only until {@code do_wp_page} copies), anything without {@code VM_WRITE} read-only.
 *
 * <p>Ghost state for properties, never read by kernel paths: the owning mm (set once) and
 * whether the VMA is linked into that mm's list now, a free-standing {@link Cell} written where
 * the kernel links or unlinks it, so that the search orders those writes against every access
 * a property judges by it.
 *
 * <p>Open for model authors: a subclass adds its own fields with {@link #cell} (they are
 * scheduling points and enter the dependency relation like the kernel's fields).
 */
public class Vma extends Tracked {
  // vm_flags as in 2.2.1 include/linux/mm.h (the model's paths test READ, WRITE, SHARED,
  // GROWSDOWN and LOCKED; the others are for model authors' own paths and properties)
  public static final int VM_READ = 0x1;
  public static final int VM_WRITE = 0x2;
  public static final int VM_EXEC = 0x4;
  public static final int VM_SHARED = 0x8;
  public static final int VM_MAYREAD = 0x10;
  public static final int VM_MAYWRITE = 0x20;
  public static final int VM_MAYEXEC = 0x40;
  public static final int VM_MAYSHARE = 0x80;
  public static final int VM_GROWSDOWN = 0x100;
  public static final int VM_GROWSUP = 0x200;
  public static final int VM_SHM = 0x400;
  public static final int VM_DENYWRITE = 0x800;
  public static final int VM_EXECUTABLE = 0x1000;
  public static final int VM_LOCKED = 0x2000;
  public static final int VM_IO = 0x4000;

  /** {@code pgprot_t} bit: PTEs made from this protection are writable. */
  public static final int PROT_WRITE = 0x2;

  public final Cell<Integer> vmStart;
  public final Cell<Integer> vmEnd;
  public final Cell<Integer> vmOffset;
  public final Cell<Integer> vmFlags;
  public final Cell<Integer> vmPageProt;
  public final Cell<Inode> vmFile;
  public final Cell<VmOps> vmOps;
  public final Cell<Vma> vmNext;

  /** Ghost: the mm this VMA belongs to ({@code vm_mm}, set once). */
  public final MmStruct mm;
  /** Ghost: linked into {@code mm}'s list (written by insert, cleared by unlink). */
  private final Cell<Boolean> linked;

  /**
   * {@code kmem_cache_alloc(vm_area_cachep)} plus field initialisation, with
   * {@code vm_page_prot = protection_map[flags]}.
   */
  public Vma(String name, MmStruct mm, int start, int end, int offset, int flags, Inode file, VmOps ops) {
    this(name, mm, start, end, offset, flags, protectionMap(flags), file, ops);
  }

  /** As above with an explicit {@code vm_page_prot} (a structure copy). */
  public Vma(String name, MmStruct mm, int start, int end, int offset, int flags, int prot, Inode file,
      VmOps ops) {
    super(name);
    this.mm = mm;
    this.vmStart = cell("vm_start", start);
    this.vmEnd = cell("vm_end", end);
    this.vmOffset = cell("vm_offset", offset);
    this.vmFlags = cell("vm_flags", flags);
    this.vmPageProt = cell("vm_page_prot", prot);
    this.vmFile = cell("vm_file", file);
    this.vmOps = cell("vm_ops", ops);
    this.vmNext = cell("vm_next", null);
    this.linked = new Cell<>(name + ".ghost_linked", false);
  }

  /** 2.2.1 {@code protection_map[flags & 0x0f]}, reduced to the write bit (i386). */
  public static int protectionMap(int flags) {
    return (flags & VM_WRITE) != 0 && (flags & VM_SHARED) != 0 ? PROT_WRITE : 0;
  }

  /** True if PTEs made with {@code mk_pte(page, prot)} are writable. */
  public static boolean protWritable(int prot) {
    return (prot & PROT_WRITE) != 0;
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
    int p = vmPageProt.get();
    Inode file = vmFile.get();
    VmOps ops = vmOps.get();
    return new Vma(name, mm, s, e, o, f, p, file, ops);
  }

  /**
   * 2.4.20 {@code dup_mmap}: {@code tmp = kmem_cache_alloc(); *tmp = *mpnt; tmp->vm_flags &=
   * ~VM_LOCKED; tmp->vm_mm = mm; tmp->vm_next = NULL}: a copy for the child mm (fields read one
   * by one).
   */
  public Vma copyFor(MmStruct child, String name) {
    int s = vmStart.get();
    int e = vmEnd.get();
    int o = vmOffset.get();
    int f = vmFlags.get() & ~VM_LOCKED;
    int p = vmPageProt.get();
    Inode file = vmFile.get();
    VmOps ops = vmOps.get();
    return new Vma(name, child, s, e, o, f, p, file, ops);
  }

  /** Ghost: is it in its mm's list now? (A peek: no scheduling point.) */
  public boolean isLinked() {
    return linked.peek();
  }

  /** Ghost: linked or unlinked now; a write event. */
  void setLinked(boolean l) {
    linked.set(l);
  }

  /** Ghost: {@code [start,end)+offset} as they are now, without scheduling points. */
  public String describeNow() {
    return name() + "[" + vmStart.peek() + "," + vmEnd.peek() + ")+" + vmOffset.peek();
  }
}
