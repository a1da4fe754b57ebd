package dev.mmcheck.model.v26;

/**
 * 2.6 address-space changes under mmap_sem(w) (2.6.24 mm/mmap.c; mm/mprotect.c):
 * {@code munmap} of a whole VMA, {@code mmap(MAP_FIXED)} of a new file mapping over a range and
 * {@code mprotect} of a whole VMA, each bumping the 2013 mm-wide sequence count where the era has
 * one and the changed VMA's {@code vm_sequence} where the era validates per VMA (SPF). Simplified:
 * whole VMAs only (no {@code split_vma}, {@code vma_merge} or {@code vma_adjust}), no accounting,
 * no {@code free_pgtables} (PTE cells are never freed), {@code fput} not modelled. Every
 * entry point takes mmap_sem for write first; the changes below run under it (the caller holds
 * it for {@link #do_munmap}).
 */
public final class Mmap26 {
  private Mmap26() {}

  /** {@code sys_munmap(addr, len)}: {@code down_write}, {@link #do_munmap}, {@code up_write}. */
  public static void sys_munmap(Mm26 mm, int addr) {
    mm.mmapSem.downWrite();
    mm.seqWriteBegin();
    do_munmap(mm, addr);
    mm.seqWriteEnd();
    mm.mmapSem.upWrite();
  }

  /**
   * {@code do_munmap()} of the VMA containing {@code addr}: {@code detach_vmas_to_be_unmapped}
   * ({@link Mm26#detach}), {@code unmap_region} (PTEs cleared under the page-table lock;
   * {@code free_pgtables} -> {@code unlink_file_vma} under the i_mmap lock), {@code remove_vma}
   * ({@link Mm26#free_vma}: {@code kmem_cache_free}, or {@code call_srcu} where VMA frees are
   * deferred). Caller holds mmap_sem(w).
   */
  public static void do_munmap(Mm26 mm, int addr) {
    Vma26 vma = mm.find_vma(addr);
    if (vma == null || vma.vmStart.get() > addr) {
      return;
    }
    mm.detach(vma);
    int s = vma.vmStart.get();
    int e = vma.vmEnd.get();
    mm.pageTableLock.lock();
    for (int a = s; a < e; a++) {
      if (mm.pte(a).get() != null) {
        mm.pte(a).set(null);
      }
    }
    mm.pageTableLock.unlock();
    Inode26 file = vma.vmFile.get();
    if (file != null) {
      file.mapping.immapLock();
      file.mapping.immapRemove(vma);
      file.mapping.immapUnlock();
    }
    mm.free_vma(vma);
  }

  /**
   * {@code mmap(start, len, ..., MAP_FIXED, file, pgoff)} -> {@code mmap_region()}: unmap what is
   * there ({@link #do_munmap}), allocate and link the new VMA ({@code vma_link}: the list, then
   * i_mmap under its lock). The second half of Hugh Dickins' worst case (seed 001).
   */
  public static Vma26 sys_mmap_fixed(Mm26 mm, String name, int start, int end, Inode26 file, int pgoff) {
    mm.mmapSem.downWrite();
    mm.seqWriteBegin();
    do_munmap(mm, start);
    Vma26 v = new Vma26(name, mm, start, end, pgoff, Vma26.VM_READ | Vma26.VM_WRITE | Vma26.VM_SHARED, file);
    mm.vma_link(v);
    file.mapping.immapLock();
    file.mapping.immapAdd(v);
    file.mapping.immapUnlock();
    mm.seqWriteEnd();
    mm.mmapSem.upWrite();
    return v;
  }

  /**
   * {@code sys_mprotect(addr, len, prot)} of the whole VMA at {@code addr} -> {@code
   * mprotect_fixup()} (read in a 2.6.18 mm/mprotect.c, github bronson/linux-2.6.18.8-ovz-xen
   * 5e4ff14b, an OpenVZ tree, vanilla lines only; no split or merge for a whole VMA): under
   * mmap_sem(w), {@code vma->vm_flags = newflags}, {@code vm_page_prot} (folded into the flags),
   * then {@code change_protection()}: every present PTE of the VMA is rewritten under the
   * page-table lock ({@code pte_wrprotect} when {@code VM_WRITE} goes away). The SPF series wraps
   * exactly this in {@code write_seqcount_begin/end(&vma->vm_sequence)}.
   */
  public static void sys_mprotect(Mm26 mm, int addr, int newFlags) {
    mm.mmapSem.downWrite();
    Vma26 vma = mm.find_vma(addr);
    if (vma != null && vma.vmStart.get() <= addr) {
      mm.seqWriteBegin();
      mm.vmWriteBegin(vma);
      vma.vmFlags.set(newFlags);
      if ((newFlags & Vma26.VM_WRITE) == 0) {
        int s = vma.vmStart.get();
        int e = vma.vmEnd.get();
        mm.pageTableLock.lock();
        for (int a = s; a < e; a++) {
          Pte26 p = mm.pte(a).get();
          if (p != null && p.writable()) {
            mm.pte(a).set(p.wrprotect());
          }
        }
        mm.pageTableLock.unlock();
      }
      mm.vmWriteEnd(vma);
      mm.seqWriteEnd();
    }
    mm.mmapSem.upWrite();
  }
}
