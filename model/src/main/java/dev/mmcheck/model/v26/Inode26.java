package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.model.Inode;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The 2.6 side of a file: {@code inode->i_mutex} (a mutex of class {@code i_mutex}, since
 * 2.6.16; {@code i_rwsem} from 4.7) and {@code inode->i_mapping}. It extends the part-1
 * {@link Inode} (which a {@code Vma}'s {@code vm_file} points to) without changing it:
 * {@link #of} finds the 2.6 state of a part-1 inode.
 *
 * <p>{@link #faultTakesIMutex} models a filesystem whose {@code ->fault} takes its inode lock,
 * which the 2013 plan ("mmap_sem is entirely unneeded within the filesystem code", seed 001)
 * would allow once mmap_sem is dropped on every path into the filesystem. No 2.6 filesystem
 * does this with {@code i_mutex} itself; it stands for the filesystem locks of that discussion.
 */
public final class Inode26 {
  private static final Map<Inode, Inode26> BY_INODE = Collections.synchronizedMap(new WeakHashMap<>());

  public final Inode inode;
  public final Mutex iMutex;
  public final AddressSpace mapping;
  /** The filesystem's {@code ->fault} takes {@code i_mutex} (see class comment). Constant after setup. */
  public final boolean faultTakesIMutex;

  /** A file of {@code pages} cached pages; {@code uptodate} false means a fault must read them. */
  public Inode26(String name, int pages, boolean uptodate, boolean immapSpinlock, boolean faultTakesIMutex) {
    this.inode = new Inode(name, pages);
    this.iMutex = new Mutex(name + ".i_mutex", "i_mutex");
    this.faultTakesIMutex = faultTakesIMutex;
    this.mapping = new AddressSpace(this, pages, uptodate, immapSpinlock);
    BY_INODE.put(inode, this);
  }

  /** The 2.6 state of a part-1 inode, or null. */
  public static Inode26 of(Inode inode) {
    return inode == null ? null : BY_INODE.get(inode);
  }

  public String name() {
    return inode.name();
  }

  @Override
  public String toString() {
    return name();
  }
}
