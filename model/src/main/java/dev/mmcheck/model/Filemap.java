package dev.mmcheck.model;

import dev.mmcheck.engine.Cell;

/**
 * The file-mapping methods of Linux 2.2.1 {@code mm/filemap.c}: {@code filemap_nopage},
 * {@code filemap_unmap}, the {@code swapout()} driver method ({@code filemap_swapout} and a
 * hypothetical driver that sleeps first) and {@code filemap_write_page}.
 */
public final class Filemap {
  private Filemap() {}

  /**
   * Linux 2.2.1 {@code filemap_nopage(area, address, no_share)}: the file offset
   * {@code offset = (address & PAGE_MASK) - area->vm_start + area->vm_offset} (the formula seed
   * 000 quotes), then the page-cache page at that offset (reading it sleeps, dropping the BKL).
   * Returns the offset, which names the page. {@code vm_start} and {@code vm_offset} are read
   * separately, as the C code does.
   */
  public static int filemap_nopage(MmStruct mm, Vma area, int address) {
    int start = area.vmStart.get();
    int offset = address - start + area.vmOffset.get();
    area.vmFile.get();
    mm.kernel.schedule("page cache read I/O");
    return offset;
  }

  /**
   * Linux 2.2.1 {@code filemap_unmap(vma, start, len)} = {@code filemap_sync(vma, start, len,
   * MS_ASYNC)}: every dirty present PTE of the range is made clean and its page written back at
   * {@code address - vm_start + vm_offset} ({@code filemap_sync_pte}); writing may sleep. Called
   * by {@code do_munmap} for a VMA already off the list.
   */
  public static void filemap_unmap(MmStruct mm, Vma vma, int start, int len) {
    for (int a = start; a < start + len && a < mm.pages(); a++) {
      Cell<Pte> pt = mm.pte(a);
      Pte p = pt.get();
      if (p == null || !p.present() || !p.dirty() || !p.file()) {
        continue;
      }
      pt.set(new Pte(a, true, p.page(), true, p.writable(), false)); // pte_mkclean
      int offset = a - vma.vmStart.get() + vma.vmOffset.get();
      filemap_write_page(mm, vma.vmFile.get(), offset, p.page());
    }
  }

  /**
   * The driver method as 2.2.1 / 2.3.21 {@code try_to_swap_out()} calls it,
   * {@code vma->vm_ops->swapout(vma, page)}. {@code offset} is where the page goes: 2.2.1
   * {@code filemap_swapout} writes at {@code page->offset} (the page's own), 2.1.98 passed the
   * stealer's {@code address - vm_start + vm_offset} ({@link Vmscan#try_to_swap_out}). A driver
   * with {@link VmOps#swapoutSleepsFirst()} sleeps (dropping the BKL, the only thing keeping
   * {@code do_munmap} from freeing the VMA) before it reads {@code vma->vm_file}: seed 002's "the
   * swapout() method must snapshot all the vma fields it needs before going to sleep".
   * {@code filemap_swapout} reads {@code vm_file} first (2.2.1 {@code filemap_write_page} also
   * bumps {@code f_count} before sleeping).
   */
  public static void swapout(MmStruct mm, Vma vma, int offset, int page) {
    VmOps ops = vma.vmOps.get();
    if (ops.swapoutSleepsFirst()) {
      mm.kernel.schedule("driver swapout I/O");
    }
    Inode file = vma.vmFile.get();
    filemap_write_page(mm, file, offset, page);
  }

  /**
   * mm18 (Message-Id 199910191759.KAA93685, against 2.3.22): {@code swapout(page, file)}; the
   * stealer took {@code get_file(file)} while the VMA was still guaranteed to exist.
   */
  public static void swapout_fields(MmStruct mm, Inode file, VmOps ops, int offset, int page) {
    if (ops.swapoutSleepsFirst()) {
      mm.kernel.schedule("driver swapout I/O");
    }
    filemap_write_page(mm, file, offset, page);
  }

  /**
   * Linux 2.2.1 {@code filemap_write_page()}: {@code down(&inode->i_sem)}, write the page's
   * contents at {@code offset} ({@code do_write_page}), {@code up}. (2.3.21 takes the page lock
   * in {@code do_write_page} instead of {@code i_sem}; either is the sleeping lock a stealer can
   * wait for here.) Simplified: no {@code f_count} reference.
   */
  public static void filemap_write_page(MmStruct mm, Inode file, int offset, int page) {
    file.iSem.down();
    file.writeBlock(offset, page);
    file.iSem.up();
  }
}
