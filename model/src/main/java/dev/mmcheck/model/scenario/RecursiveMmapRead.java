package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.Vma26;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import dev.mmcheck.model.v26.UserCopy;
import java.util.Map;

/**
 * rwsem writer preference (LOCKING-HISTORY section 3): a path holding mmap_sem(r) reads a user
 * word with faults enabled; the fault takes mmap_sem(r) again. If munmap's down_write queues
 * between the two, the second down_read waits behind it and the writer waits for the first:
 * deadlock. {@code mm.nestedRead=false}: atomic access, drop mmap_sem, fault in, retry.
 *
 * <pre>
 * mm: vma_a [0,1) anon (not present) | vma_x [2,3) anon    threads: reader(0), munmap(2)
 * </pre>
 */
public final class RecursiveMmapRead extends Mm26Scenario {
  public RecursiveMmapRead(Map<String, String> params) {
    super(params, Era26.E2_6_24);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(3);
    mm.mapInitial("vma_a", 0, 1, 0, Vma26.VM_READ | Vma26.VM_WRITE, null);
    mm.mapInitial("vma_x", 2, 3, 0, Vma26.VM_READ | Vma26.VM_WRITE, null);
    boolean nested = Boolean.parseBoolean(param("mm.nestedRead", "true"));
    w.thread("reader", () -> UserCopy.get_user_under_mmap_sem(mm, 0, nested));
    w.thread("munmap", () -> Mmap26.sys_munmap(mm, 2));
  }
}
