package dev.mmcheck.model;

/**
 * The file-mapping methods of Linux 2.2 {@code mm/filemap.c}: {@code filemap_nopage} and the
 * {@code swapout()} driver method ({@code filemap_swapout} and a driver that sleeps first).
 */
public final class Filemap {
  private Filemap() {}

  /**
   * Linux 2.2 {@code filemap_nopage(area, address, no_share)}: the file offset
   * {@code offset = (address & PAGE_MASK) - area->vm_start + area->vm_offset} (the formula
   * seed 000 quotes), then the page-cache page at that offset (reading it may sleep). Returns
   * the offset, which names the page. {@code vm_start} and {@code vm_offset} are read
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
   * The driver method {@code vma->vm_ops->swapout(vma, page)} as 2.2.1/2.3.21
   * {@code try_to_swap_out()} calls it, with the VMA pointer. {@code offset} stands for
   * {@code page->offset}: the page-cache page knows its offset (the stealer derived it, see
   * {@link Vmscan#try_to_swap_out}). A driver with {@link VmOps#swapoutSleepsFirst()} sleeps
   * (dropping the BKL, the only thing keeping {@code do_munmap} from freeing the VMA) before it
   * reads {@code vma->vm_file}: seed 002's "the swapout() method must snapshot all the vma
   * fields it needs before going to sleep". {@code filemap_swapout} reads {@code vm_file} first
   * and then takes {@code i_sem} in {@code filemap_write_page}.
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
   * The fix seed 002 proposes: {@code swapout()} gets the fields it needs ({@code vm_file} and
   * the offset), snapshotted by the stealer while the VMA was still guaranteed to exist.
   */
  public static void swapout_fields(MmStruct mm, Inode file, VmOps ops, int offset, int page) {
    if (ops.swapoutSleepsFirst()) {
      mm.kernel.schedule("driver swapout I/O");
    }
    filemap_write_page(mm, file, offset, page);
  }

  /**
   * Linux 2.2 {@code filemap_write_page()}: {@code down(&inode->i_sem)}, write the page's
   * contents at {@code offset}, {@code up}. Simplified: no {@code f_count} reference.
   */
  public static void filemap_write_page(MmStruct mm, Inode file, int offset, int page) {
    file.iSem.down();
    file.writeBlock(offset, page);
    file.iSem.up();
  }
}
