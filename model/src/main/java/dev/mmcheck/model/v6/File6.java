package dev.mmcheck.model.v6;

import dev.mmcheck.engine.RwSemaphore;

/**
 * A mapped file's {@code struct address_space}, reduced to {@code i_mmap_rwsem} (lock class
 * {@code i_mmap_rwsem}), which {@code mm_take_all_locks} takes through {@code vm_lock_mapping}.
 * Page-cache pages are not modelled in part 4.
 */
public final class File6 {
  public final String name;
  public final RwSemaphore iMmapRwsem;

  public File6(String name) {
    this.name = name;
    this.iMmapRwsem = new RwSemaphore(name + ".i_mmap_rwsem", "i_mmap_rwsem");
  }

  @Override
  public String toString() {
    return name;
  }
}
