package dev.mmcheck.model.v26;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.SyncObject;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code struct address_space}: the page cache of one file and {@code i_mmap}, the VMAs that
 * map it, guarded by {@code i_mmap_lock} (a spinlock, 2.6) or {@code i_mmap_mutex} (3.0+, the
 * 2013 era). Simplified: the page cache is an array with every page present (reads bring a page
 * uptodate, they never allocate one); {@code i_mmap} is a list, not a prio tree.
 */
public final class AddressSpace {
  private final Inode26 host;
  private final Page[] pages;
  private final SyncObject immapLock;
  /** {@code mapping->i_mmap}: changed under the i_mmap lock. */
  public final Cell<List<Vma26>> iMmap;

  AddressSpace(Inode26 host, int pages, boolean uptodate, boolean immapSpinlock) {
    this.host = host;
    this.pages = new Page[pages];
    for (int i = 0; i < pages; i++) {
      this.pages[i] = new Page(this, i, uptodate);
    }
    this.immapLock = immapSpinlock ? new SpinLock(host.name() + ".i_mmap_lock", "i_mmap_lock")
        : new Mutex(host.name() + ".i_mmap_mutex", "i_mmap_mutex");
    this.iMmap = new Cell<>(host.name() + ".i_mmap", List.of());
  }

  public Inode26 host() {
    return host;
  }

  /** {@code find_get_page(mapping, index)}: every page of the model is cached. */
  public Page page(int index) {
    return pages[index];
  }

  public int pages() {
    return pages.length;
  }

  /** The lock object guarding {@code i_mmap}. */
  public SyncObject immapLockObject() {
    return immapLock;
  }

  /** {@code spin_lock(&mapping->i_mmap_lock)} or {@code mutex_lock(&mapping->i_mmap_mutex)}. */
  public void immapLock() {
    if (immapLock instanceof SpinLock s) {
      s.lock();
    } else {
      ((Mutex) immapLock).lock();
    }
  }

  public void immapUnlock() {
    if (immapLock instanceof SpinLock s) {
      s.unlock();
    } else {
      ((Mutex) immapLock).unlock();
    }
  }

  /** {@code vma_link} / {@code __vma_link_file}: add to i_mmap; caller holds the i_mmap lock. */
  public void immapAdd(Vma26 v) {
    List<Vma26> l = new ArrayList<>(iMmap.get());
    l.add(v);
    iMmap.set(List.copyOf(l));
  }

  /** {@code __remove_shared_vm_struct}: caller holds the i_mmap lock. */
  public void immapRemove(Vma26 v) {
    List<Vma26> l = new ArrayList<>(iMmap.get());
    l.remove(v);
    iMmap.set(List.copyOf(l));
  }
}
