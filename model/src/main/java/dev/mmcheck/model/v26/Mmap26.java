package dev.mmcheck.model.v26;

import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;

/**
 * 2.6 address-space changes under mmap_sem(w) (mm/mmap.c): {@code munmap} of a whole VMA and
 * {@code mmap(MAP_FIXED)} of a new file mapping over a range, each bumping the 2013 mm-wide
 * sequence count where the era has one. Simplified: whole VMAs only (no split), no merge, no
 * accounting; {@code fput} is not modelled.
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
   * (unlink, {@code mmap_cache = NULL}), {@code unmap_region} (PTEs cleared under the page-table
   * lock), {@code remove_vma}: {@code __remove_shared_vm_struct} under the i_mmap lock, then
   * {@code kmem_cache_free}. Caller holds mmap_sem(w).
   */
  public static void do_munmap(Mm26 mm, int addr) {
    Vma vma = mm.find_vma(addr);
    if (vma == null || vma.vmStart.get() > addr) {
      return;
    }
    Mmap.unlink_vma(mm.mm, vma);
    mm.mm.mmapCache.set(null);
    int s = vma.vmStart.get();
    int e = vma.vmEnd.get();
    mm.mm.pageTableLock.lock();
    for (int a = s; a < e; a++) {
      if (mm.pte(a).get() != null) {
        mm.pte(a).set(null);
      }
    }
    mm.mm.pageTableLock.unlock();
    Inode26 file = Inode26.of(vma.vmFile.get());
    if (file != null) {
      file.mapping.immapLock();
      file.mapping.immapRemove(vma);
      file.mapping.immapUnlock();
    }
    vma.free();
  }

  /**
   * {@code mmap(start, len, ..., MAP_FIXED, file, pgoff)} -> {@code mmap_region()}: unmap what is
   * there ({@link #do_munmap}), allocate and link the new VMA ({@code vma_link}: the list, then
   * i_mmap under its lock). The second half of Hugh Dickins' worst case (seed 001).
   */
  public static Vma sys_mmap_fixed(Mm26 mm, String name, int start, int end, Inode26 file, int pgoff) {
    mm.mmapSem.downWrite();
    mm.seqWriteBegin();
    do_munmap(mm, start);
    Vma v = new Vma(name, mm.mm, start, end, pgoff, Vma.VM_READ | Vma.VM_SHARED, file.inode, VmOps.FILE_SHARED);
    mm.vmaSeq(v);
    Mmap.insert_vm_struct(mm.mm, v);
    file.mapping.immapLock();
    file.mapping.immapAdd(v);
    file.mapping.immapUnlock();
    mm.seqWriteEnd();
    mm.mmapSem.upWrite();
    return v;
  }
}
