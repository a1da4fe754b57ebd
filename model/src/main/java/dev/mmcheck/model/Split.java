package dev.mmcheck.model;

/**
 * The VMA split bodies shared, line for line, by Linux 2.2.1/2.3.21 {@code mprotect_fixup_*}
 * (mm/mprotect.c) and {@code mlock_fixup_*} (mm/mlock.c), in the era's field-update order. Seed
 * 002's hunks for the two files are identical apart from {@code vm_page_prot}, which only
 * mprotect sets ({@code newProt}; null for mlock).
 *
 * <pre>
 * fixup_start(vma, end)             2.2.1/2.3.21 (piecemeal)      seed 002 (together)
 *   n = kmem_cache_alloc; *n = *vma
 *                                   vma->vm_start = end           n->vm_end = end
 *                                   n->vm_end = end               n->vm_flags = newflags
 *                                   vma->vm_offset += ...         open(n)
 *                                   n->vm_flags = newflags        vmlist_modify_lock
 *                                   open(n)                         vma->vm_offset += end - vm_start
 *                                   insert_vm_struct(n)             vma->vm_start = end
 *                                                                   insert_vm_struct(n)
 *                                                                 vmlist_modify_unlock
 * </pre>
 *
 * The window between {@code vm_start = end} and the {@code vm_offset} update in the piecemeal
 * order is where a lookup sees the new start with the old offset. That order has no vmlist lock
 * calls at all (the lock did not exist), so {@code mm.splitFieldsTogether=false} also drops them.
 * Every allocation ({@code kmem_cache_alloc(SLAB_KERNEL)}) comes before the first field change
 * and may sleep ({@link Kernel#allocate}).
 */
final class Split {
  private Split() {}

  /** {@code kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)} + {@code *n = *vma}. */
  static Vma allocCopy(Vma vma, String name) {
    vma.mm.kernel.allocate("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
    return vma.copy(name);
  }

  /** {@code n->vm_ops->open(n)} if the VMA has one. */
  static void open(Vma n) {
    VmOps ops = n.vmOps.get();
    if (ops != null && ops.openClose()) {
      n.access();                    // n->vm_ops->open(n)
    }
  }

  private static void setProt(Vma v, Integer newProt) {
    if (newProt != null) {
      v.vmPageProt.set(newProt);
    }
  }

  /** {@code *_fixup_all}: {@code vm_flags} (and {@code vm_page_prot}) under the vmlist lock. */
  static void all(Vma vma, int newFlags, Integer newProt) {
    MmStruct mm = vma.mm;
    mm.vmlistModifyLock();
    vma.vmFlags.set(newFlags);
    setProt(vma, newProt);
    mm.vmlistModifyUnlock();
  }

  /** {@code *_fixup_start(vma, end, newflags)}: {@code [vm_start,end)} gets the new flags. */
  static void start(Vma vma, int end, int newFlags, Integer newProt) {
    MmStruct mm = vma.mm;
    boolean rule4Violation = mm.allocUnderVmlistLock;
    if (rule4Violation) {
      mm.vmlistModifyLock();
    }
    Vma n = allocCopy(vma, vma.name() + "'");
    if (!mm.discipline.splitFieldsTogether()) {
      vma.vmStart.set(end);
      n.vmEnd.set(end);
      vma.vmOffset.set(vma.vmOffset.get() + vma.vmStart.get() - n.vmStart.get());
      n.vmFlags.set(newFlags);
      setProt(n, newProt);
      open(n);
      Mmap.insert_vm_struct(mm, n);
      if (rule4Violation) {
        mm.vmlistModifyUnlock();
      }
      return;
    }
    n.vmEnd.set(end);
    n.vmFlags.set(newFlags);
    setProt(n, newProt);
    open(n);
    if (!rule4Violation) {
      mm.vmlistModifyLock();
    }
    vma.vmOffset.set(vma.vmOffset.get() + end - vma.vmStart.get());
    vma.vmStart.set(end);
    Mmap.insert_vm_struct(mm, n);
    mm.vmlistModifyUnlock();
  }

  /** {@code *_fixup_end(vma, start, newflags)}: {@code [start,vm_end)} gets the new flags. */
  static void end(Vma vma, int start, int newFlags, Integer newProt) {
    MmStruct mm = vma.mm;
    Vma n = allocCopy(vma, vma.name() + "'");
    if (!mm.discipline.splitFieldsTogether()) {
      vma.vmEnd.set(start);
    }
    n.vmStart.set(start);
    n.vmOffset.set(n.vmOffset.get() + n.vmStart.get() - vma.vmStart.get());
    n.vmFlags.set(newFlags);
    setProt(n, newProt);
    open(n);
    if (!mm.discipline.splitFieldsTogether()) {
      Mmap.insert_vm_struct(mm, n);
      return;
    }
    mm.vmlistModifyLock();
    vma.vmEnd.set(start);
    Mmap.insert_vm_struct(mm, n);
    mm.vmlistModifyUnlock();
  }

  /** {@code *_fixup_middle(vma, start, end, newflags)}: three VMAs out of one. */
  static void middle(Vma vma, int start, int end, int newFlags, Integer newProt) {
    MmStruct mm = vma.mm;
    mm.kernel.allocate("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
    mm.kernel.allocate("kmem_cache_alloc(vm_area_cachep, SLAB_KERNEL)");
    Vma left = vma.copy(vma.name() + "-left");
    Vma right = vma.copy(vma.name() + "-right");
    left.vmEnd.set(start);
    if (!mm.discipline.splitFieldsTogether()) {
      vma.vmStart.set(start);
      vma.vmEnd.set(end);
      right.vmStart.set(end);
      vma.vmOffset.set(vma.vmOffset.get() + vma.vmStart.get() - left.vmStart.get());
      right.vmOffset.set(right.vmOffset.get() + right.vmStart.get() - left.vmStart.get());
      vma.vmFlags.set(newFlags);
      setProt(vma, newProt);
      open(left);
      open(right);
      Mmap.insert_vm_struct(mm, left);
      Mmap.insert_vm_struct(mm, right);
      return;
    }
    right.vmStart.set(end);
    right.vmOffset.set(right.vmOffset.get() + right.vmStart.get() - left.vmStart.get());
    open(left);
    open(right);
    mm.vmlistModifyLock();
    vma.vmOffset.set(vma.vmOffset.get() + start - vma.vmStart.get());
    vma.vmStart.set(start);
    vma.vmEnd.set(end);
    vma.vmFlags.set(newFlags);
    setProt(vma, newProt);
    Mmap.insert_vm_struct(mm, left);
    Mmap.insert_vm_struct(mm, right);
    mm.vmlistModifyUnlock();
  }

  /** Picks the fixup for {@code [start,end)} inside {@code vma}; returns which one ran. */
  static String fixup(Vma vma, int start, int end, int newFlags, Integer newProt) {
    int vs = vma.vmStart.get();
    int ve = vma.vmEnd.get();
    if (start == vs && end == ve) {
      all(vma, newFlags, newProt);
      return "all";
    } else if (start == vs) {
      start(vma, end, newFlags, newProt);
      return "start";
    } else if (end == ve) {
      end(vma, start, newFlags, newProt);
      return "end";
    }
    middle(vma, start, end, newFlags, newProt);
    return "middle";
  }
}
