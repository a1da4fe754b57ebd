package dev.mmcheck.model;

/**
 * A {@code struct vm_operations_struct}: which of open/close/nopage/swapout a mapping has. The
 * behaviour of the methods lives in {@link Filemap}; this is the immutable table a VMA points to.
 *
 * @param name e.g. {@code file_shared_mmap} (Linux 2.2 mm/filemap.c)
 * @param openClose has {@code open()}/{@code close()} (reference counting of the file)
 * @param nopage has {@code nopage()} (filemap_nopage)
 * @param swapout has {@code swapout()}
 * @param swapoutSleepsFirst the driver's {@code swapout()} sleeps (I/O, {@code down(i_sem)})
 *     before it has read all the VMA fields it needs: the "shaky interlocking" of seed 002
 */
public record VmOps(String name, boolean openClose, boolean nopage, boolean swapout, boolean swapoutSleepsFirst) {
  /** {@code file_shared_mmap}: a shared writable file mapping, written back by filemap_swapout. */
  public static final VmOps FILE_SHARED = new VmOps("file_shared_mmap", true, true, true, false);
  /** {@code file_private_mmap}: nopage only; dirty pages go to swap. */
  public static final VmOps FILE_PRIVATE = new VmOps("file_private_mmap", true, true, false, false);
  /** A driver whose swapout() sleeps before snapshotting the VMA (seed 002's worry). */
  public static final VmOps SLEEPY_DRIVER = new VmOps("sleepy_driver_mmap", true, true, true, true);

  @Override
  public String toString() {
    return name;
  }
}
