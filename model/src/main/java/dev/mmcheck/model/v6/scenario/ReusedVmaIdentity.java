package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.Vma6;
import java.util.Map;

/**
 * The identity check of a type-stable VMA (6.15, 3104138517fc "mm: make vma cache
 * SLAB_TYPESAFE_BY_RCU" and the series' "missing check for vm_mm" remark on its v5): after
 * locking a VMA found under RCU, the reader must check that it is still the VMA it looked up,
 * since it may have been freed and recycled, at the same addresses, by another mm. A reader
 * without the {@code vm_mm} check ({@code mm.vmaLockChecksMm=false}, a mutation) faults a page
 * of mm A through mm B's VMA. The use-after-free property stays quiet (type-stable memory is
 * valid); the vma-identity property compares {@code vm_mm} and generations.
 *
 * <pre>
 * A: vma [0,2) anon       B: empty
 * fault_a: write fault at 0 in A       munmap_a: munmap(vma) in A       task_b: mmap [0,2) in B
 * </pre>
 */
public final class ReusedVmaIdentity extends V6Scenario {
  public ReusedVmaIdentity(Map<String, String> params) {
    super(params, Era6.E6_15);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 a = new Mm6(k, "A", 2, false, null);
    Mm6 b = new Mm6(k, "B", 2, false, null);
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    a.mapInitial("vma", 0, 2, rw, new AnonVma6("av"), null);
    w.thread("fault_a", () -> Fault6.do_user_addr_fault(a, 0, true, null));
    w.thread("munmap_a", () -> Mmap6.sys_munmap(a, 0));
    w.thread("task_b", () -> Mmap6.sys_mmap(b, "vma_b", 0, 2, rw, new AnonVma6("av_b")));
  }
}
