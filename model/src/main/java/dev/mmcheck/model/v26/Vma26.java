package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.SeqCount;
import dev.mmcheck.engine.Tracked;

/**
 * A 2.6 {@code struct vm_area_struct} (2.6.24 include/linux/mm_types.h): {@code [vm_start,
 * vm_end)} in pages, {@code vm_pgoff}, {@code vm_flags}, {@code vm_file} (the file's
 * {@link Inode26}; null for an anonymous mapping), {@code vm_next} of the mm's sorted list and
 * {@code vm_mm}. It is {@link Tracked}: every field read by a kernel path is a {@link Cell}, so a
 * read after {@code kmem_cache_free} is a use after free. Simplified away: the rbtree (the list
 * is walked instead; {@code find_vma} finds the same VMA), {@code vm_page_prot} (a PTE's write
 * permission is derived from {@code vm_flags} as {@code maybe_mkwrite} does), {@code anon_vma},
 * {@code vm_ops} (file mappings are {@code generic_file_vm_ops}), {@code vm_private_data}.
 *
 * <p>Two fields of the speculative-page-fault series (Laurent Dufour, 2017-2019; never merged),
 * used only by the 2013 design's per-VMA validation ({@link Discipline26.SeqValidate#DETACH},
 * {@link Discipline26.SeqValidate#VMA}) and written only where the era's discipline uses them:
 * <ul>
 *   <li>{@link #vmRbEmpty}: {@code RB_EMPTY_NODE(&vma->vm_rb)}, set by {@code vma_rb_erase()}'s
 *       {@code RB_CLEAR_NODE} when the VMA is detached from the mm;
 *   <li>{@link #vmSequence}: {@code vma->vm_sequence}, bumped around every change to the VMA
 *       ("mm: Protect VMA modifications using VMA sequence count", v2 05/20, Message-Id
 *       1503007519-26777-6-git-send-email-ldufour@linux.vnet.ibm.com: {@code mprotect_fixup},
 *       {@code mlock_fixup}, {@code madvise_behavior}, ...).
 * </ul>
 */
public final class Vma26 extends Tracked {
  public static final int VM_READ = 0x1;
  public static final int VM_WRITE = 0x2;
  public static final int VM_SHARED = 0x8;
  public static final int VM_LOCKED = 0x2000;

  /** {@code vm_mm}: set once at map time and never changed (a final field, not a cell). */
  public final Mm26 mm;
  public final Cell<Integer> vmStart;
  public final Cell<Integer> vmEnd;
  public final Cell<Integer> vmPgoff;
  public final Cell<Integer> vmFlags;
  public final Cell<Inode26> vmFile;
  public final Cell<Vma26> vmNext;
  /** SPF: {@code RB_EMPTY_NODE(&vma->vm_rb)}; true once detached (where the discipline clears it). */
  public final Cell<Boolean> vmRbEmpty;
  /** SPF: {@code vma->vm_sequence}. */
  public final SeqCount vmSequence;

  /** {@code kmem_cache_zalloc(vm_area_cachep)} plus field initialisation (not yet linked). */
  public Vma26(String name, Mm26 mm, int start, int end, int pgoff, int flags, Inode26 file) {
    super(name);
    this.mm = mm;
    this.vmStart = cell("vm_start", start);
    this.vmEnd = cell("vm_end", end);
    this.vmPgoff = cell("vm_pgoff", pgoff);
    this.vmFlags = cell("vm_flags", flags);
    this.vmFile = cell("vm_file", file);
    this.vmNext = cell("vm_next", null);
    this.vmRbEmpty = cell("vm_rb_empty", false);
    this.vmSequence = new SeqCount(name + ".vm_sequence", "vm_sequence");
  }

  /** Ghost: {@code name[start,end)+pgoff} as they are now, without scheduling points. */
  public String describeNow() {
    return name() + "[" + vmStart.peek() + "," + vmEnd.peek() + ")+" + vmPgoff.peek();
  }
}
