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
 * CVE-2025-38554, 9bbffee67ffd ("mm: fix a UAF when vma->mm is freed after vma->vm_refcnt got
 * dropped", Suren Baghdasaryan after Jann Horn's report; 6.17-rc1, 6.16.1, 6.15.10; Fixes:
 * 3104138517fc): 6.15 VMAs are SLAB_TYPESAFE_BY_RCU. A fault in mm A finds vma with
 * {@code mas_walk}; vma is freed and recycled into mm B; {@code vma_start_read} raises its
 * {@code vm_refcnt}; {@code lock_vma_under_rcu} sees {@code vm_mm != A} and drops it with
 * {@code vma_end_read} -> {@code vma_refcount_put}, which decrements and then calls
 * {@code rcuwait_wake_up(&B->vma_writer_wait)}. B's munmap was waiting for exactly that
 * decrement, does not block, finishes, and B exits and frees its mm before the wake-up: use
 * after free of B (the commit's three-thread diagram). Fixed: {@code vma_start_read} checks
 * {@code vm_mm} itself and holds {@code mmgrab(B)} across the put.
 *
 * <pre>
 * A: vma [0,2) anon        B: empty
 * fault_a:  read fault at 0 in A
 * munmap_a: munmap(vma) in A             (vma back to vm_area_cachep)
 * task_b:   mmap [0,2) in B (recycles vma); munmap it; exit (mmdrop: frees B)
 * </pre>
 */
public final class ReusedVmaOtherMm extends V6Scenario {
  public ReusedVmaOtherMm(Map<String, String> params) {
    super(params, Era6.E6_15);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 a = new Mm6(k, "A", 2, false, null);
    Mm6 b = new Mm6(k, "B", 2, false, null);
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    a.mapInitial("vma", 0, 2, rw, new AnonVma6("av"), null);
    w.thread("fault_a", () -> Fault6.do_user_addr_fault(a, 0, false, null));
    w.thread("munmap_a", () -> Mmap6.sys_munmap(a, 0));
    w.thread("task_b", () -> {
      Mmap6.sys_mmap(b, "vma_b", 0, 2, rw, null);
      Mmap6.sys_munmap(b, 0);
      b.mmdrop();                                   // exit_mmap, then the last mmdrop: __mmdrop(B)
    });
  }
}
