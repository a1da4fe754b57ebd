package dev.mmcheck.model;

/**
 * A {@code struct vm_operations_struct}: which methods a mapping has. The behaviour of the
 * methods lives in {@link Filemap}; this is the immutable table a VMA points to.
 *
 * @param name e.g. {@code file_shared_mmap} (Linux 2.2.1 mm/filemap.c)
 * @param openClose has {@code open()}/{@code close()}
 * @param nopage has {@code nopage()} (filemap_nopage)
 * @param swapout has {@code swapout()}
 * @param swapoutSleepsFirst the driver's {@code swapout()} sleeps (I/O) before it has read all
 *     the VMA fields it needs: the "shaky interlocking" of seed 002 (a hypothetical driver; the
 *     in-tree methods read the VMA first)
 * @param unmap has {@code unmap()}: 2.2.1 {@code filemap_unmap}, which writes the range's dirty
 *     pages back ({@code filemap_sync}) before {@code do_munmap} zaps them, and may sleep
 */
public record VmOps(String name, boolean openClose, boolean nopage, boolean swapout, boolean swapoutSleepsFirst,
    boolean unmap) {
  /**
   * 2.2.1 {@code file_shared_mmap}: no open/close, {@code filemap_unmap}, {@code filemap_nopage},
   * {@code filemap_swapout}.
   */
  public static final VmOps FILE_SHARED = new VmOps("file_shared_mmap", false, true, true, false, true);
  /** 2.2.1 {@code file_private_mmap}: nopage only; dirty (COW) pages go to swap. */
  public static final VmOps FILE_PRIVATE = new VmOps("file_private_mmap", false, true, false, false, false);
  /** A hypothetical driver with open/close whose swapout() sleeps before snapshotting the VMA. */
  public static final VmOps SLEEPY_DRIVER = new VmOps("sleepy_driver_mmap", true, true, true, true, false);
  /**
   * A hypothetical shared mapping like {@code file_shared_mmap} but with {@code open()} and
   * {@code close()} (as 2.2 ipc/shm.c {@code shm_vm_ops} has), so that
   * {@code merge_segments} calls {@code close} on the VMA it merges away.
   */
  public static final VmOps CLOSING_FILE = new VmOps("closing_file_mmap", true, true, true, false, false);

  @Override
  public String toString() {
    return name;
  }
}
