package dev.mmcheck.model.v26;

/**
 * {@code write(2)} to a file through the page cache: {@code generic_file_aio_write} takes
 * {@code inode->i_mutex}, then copies one page from the user buffer (mm/filemap.c). The legal
 * order i_mutex -> mmap_sem (the copy may fault) is why any path that takes i_mutex under
 * mmap_sem is an inversion (seed 001). One page per call; {@code prepare_write}/{@code
 * commit_write} and {@code write_begin}/{@code write_end} are folded into the page lock and the
 * uptodate bit.
 */
public final class BufferedWrite {
  private BufferedWrite() {}

  /** {@code sys_write} of page {@code index} of {@code file} from user address {@code buf}. */
  public static void sys_write(Mm26 mm, Inode26 file, int index, int buf) {
    file.iMutex.lock();
    if (mm.d.writeCopyUnderPageLock()) {
      generic_file_buffered_write(mm, file, index, buf);
    } else {
      generic_perform_write(mm, file, index, buf);
    }
    file.iMutex.unlock();
  }

  /**
   * 2.6.23 {@code generic_file_buffered_write()}: {@code fault_in_pages_readable} first ("Bring
   * in the user page that we will copy from _first_"), then {@code __grab_cache_page} (page
   * locked), {@code prepare_write}, {@code filemap_copy_from_user} (atomic attempt, then
   * {@code __copy_from_user} that may fault while the page is locked: if the source page was
   * reclaimed since the prefault, the fault takes mmap_sem and the source page's lock), and
   * {@code commit_write}, {@code unlock_page}.
   */
  public static void generic_file_buffered_write(Mm26 mm, Inode26 file, int index, int buf) {
    UserCopy.fault_in_pages_readable(mm, buf);
    Page page = file.mapping.page(index);
    page.lock.lock();
    UserCopy.copy_from_user(mm, buf);
    page.uptodate.set(true);
    page.lock.unlock();
  }

  /**
   * The fix, 08291429cfa6 (2.6.24; then {@code generic_perform_write}, afddba49d18f): fault the
   * source in with no page lock held, lock the page, copy with page faults disabled; a short
   * copy unlocks the page and starts again.
   */
  public static void generic_perform_write(Mm26 mm, Inode26 file, int index, int buf) {
    Page page = file.mapping.page(index);
    while (true) {
      UserCopy.fault_in_pages_readable(mm, buf);       // iov_iter_fault_in_readable
      page.lock.lock();                                // ->write_begin
      boolean copied = UserCopy.copy_from_user_atomic(mm, buf);
      if (copied) {
        page.uptodate.set(true);                       // ->write_end
      }
      page.lock.unlock();
      if (copied) {
        return;
      }
    }
  }
}
