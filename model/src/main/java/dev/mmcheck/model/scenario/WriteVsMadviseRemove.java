package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.BufferedWrite;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Madvise;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import dev.mmcheck.model.v26.Vma26;
import java.util.Map;

/**
 * LOCKING-HISTORY 5.6 / the holepunch fix: {@code write()} to file f holds f's i_mutex and faults
 * on its source buffer (mmap_sem(r)); {@code madvise(MADV_REMOVE)} on a shared writable mapping
 * of f keeps mmap_sem across {@code vmtruncate_range}, which takes f's i_mutex. In 2.6.20 that
 * hold is mmap_sem(w) (every {@code sys_madvise} did {@code down_write}): a two-thread ABBA.
 * Hugh Dickins' fix (Mar 2007) drops mmap_sem around the truncate; from Nick Piggin's Apr 2007
 * patch (in 2.6.24) MADV_REMOVE holds mmap_sem only for read, and drops it. With a read hold and
 * no drop (a mutation of 2.6.24, {@code mm.madviseRemoveDropsMmapSem=false}) the fault's
 * {@code down_read} would share the lock with madvise, so the inversion deadlocks only when a
 * writer is queued on mmap_sem between them ({@code mm.writer=true}: a munmap of another VMA).
 *
 * <pre>
 * mm: vma_f [0,1) f shared rw | vma_buf [2,3) g (not present) | vma_x [3,4) anon (mm.writer)
 * threads: write(f, page 0, buf 2), madvise(0), [munmap(3)]
 * </pre>
 */
public final class WriteVsMadviseRemove extends Mm26Scenario {
  public WriteVsMadviseRemove(Map<String, String> params) {
    super(params, Era26.E2_6_20);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(4);
    Inode26 f = file("f", 1, true, false);
    Inode26 g = file("g", 1, true, false);
    mm.mapInitial("vma_f", 0, 1, 0, Vma26.VM_READ | Vma26.VM_WRITE | Vma26.VM_SHARED, f);
    mm.mapInitial("vma_buf", 2, 3, 0, Vma26.VM_READ | Vma26.VM_SHARED, g);
    boolean writer = Boolean.parseBoolean(param("mm.writer", "false"));
    if (writer) {
      mm.mapInitial("vma_x", 3, 4, 0, Vma26.VM_READ | Vma26.VM_WRITE, null);
    }
    w.thread("write", () -> BufferedWrite.sys_write(mm, f, 0, 2));
    w.thread("madvise", () -> Madvise.sys_madvise_remove(mm, 0));
    if (writer) {
      w.thread("munmap", () -> Mmap26.sys_munmap(mm, 3));
    }
  }

  @Override
  public String name() {
    return super.name() + (Boolean.parseBoolean(param("mm.writer", "false")) ? "{writer}" : "");
  }
}
