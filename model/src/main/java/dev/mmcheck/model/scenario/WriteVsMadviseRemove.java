package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.v26.BufferedWrite;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Madvise;
import dev.mmcheck.model.v26.Mm26;
import java.util.Map;

/**
 * Seed 001 / LOCKING-HISTORY 5.6: {@code write()} to file f holds f's i_mutex and faults on its
 * source buffer (mmap_sem(r)); {@code madvise(MADV_REMOVE)} on a shared mapping of f holds
 * mmap_sem(w) and takes f's i_mutex in {@code vmtruncate_range}: ABBA. Fixed by dropping
 * mmap_sem in {@code madvise_remove} (4879e0dfe9c9), in the 2.6.37 era.
 *
 * <pre>
 * mm: vma_f [0,1) f shared | vma_buf [2,3) g (not present)    threads: write(f, page 0, buf 2), madvise(0)
 * </pre>
 */
public final class WriteVsMadviseRemove extends Mm26Scenario {
  public WriteVsMadviseRemove(Map<String, String> params) {
    super(params, Era26.E2_6_24);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(4);
    Inode26 f = file("f", 1, true, false);
    Inode26 g = file("g", 1, true, false);
    mm.mapInitial("vma_f", 0, 1, 0, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_SHARED, f);
    mm.mapInitial("vma_buf", 2, 3, 0, Vma.VM_READ | Vma.VM_SHARED, g);
    w.thread("write", () -> BufferedWrite.sys_write(mm, f, 0, 2));
    w.thread("madvise", () -> Madvise.sys_madvise_remove(mm, 0));
  }
}
