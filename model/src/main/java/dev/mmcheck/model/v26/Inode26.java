package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Mutex;

/**
 * A 2.6 file: its {@code struct file}, {@code inode} and {@code address_space} folded into one:
 * {@code inode->i_mutex} (a mutex of class {@code i_mutex}, since 2.6.16; {@code i_rwsem} from
 * 4.7) and {@code inode->i_mapping} ({@link AddressSpace}). A {@link Vma26}'s {@code vm_file}
 * points to it directly. Simplified: {@code i_alloc_sem}, {@code f_count} ({@code get_file} /
 * {@code fput}) and {@code i_size} are not modelled; a file is never freed.
 *
 * <p>{@link #faultTakesIMutex} models a filesystem whose {@code ->fault} takes its inode lock,
 * which the 2013 plan ("mmap_sem is entirely unneeded within the filesystem code", seed 001)
 * would allow once mmap_sem is dropped on every path into the filesystem. No 2.6 filesystem
 * does this with {@code i_mutex} itself (hypothetical); it stands for the filesystem locks of
 * that discussion.
 */
public final class Inode26 {
  private final String name;
  public final Mutex iMutex;
  public final AddressSpace mapping;
  /** The filesystem's {@code ->fault} takes {@code i_mutex} (see class comment). Constant after setup. */
  public final boolean faultTakesIMutex;

  /** A file of {@code pages} cached pages; {@code uptodate} false means a fault must read them. */
  public Inode26(String name, int pages, boolean uptodate, boolean immapSpinlock, boolean faultTakesIMutex) {
    this.name = name;
    this.iMutex = new Mutex(name + ".i_mutex", "i_mutex");
    this.faultTakesIMutex = faultTakesIMutex;
    this.mapping = new AddressSpace(this, pages, uptodate, immapSpinlock);
  }

  public String name() {
    return name;
  }

  @Override
  public String toString() {
    return name;
  }
}
