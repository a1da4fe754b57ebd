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
 * 107d21077790 ("mm: fix (harmless) type confusion in lock_vma_under_rcu()", Jann Horn, 6.11):
 * from 6.4 to 6.10 {@code lock_vma_under_rcu} compared the address with {@code vm_start} /
 * {@code vm_end} before checking {@code vma->detached}; a VMA that munmap detached and passed to
 * {@code call_rcu} has its {@code vm_rcu} head in the same words (a union), so the reader
 * compared the address with the pointers of an {@code rcu_head}. Harmless because the detached
 * check still followed, but a read of the wrong union member; the fix checks detached first.
 *
 * <pre>
 * vma [0,2) anon, page at 0       fault: read fault at 1       munmap: munmap(vma)
 * </pre>
 */
public final class DetachedCheckOrder extends V6Scenario {
  public DetachedCheckOrder(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, false, null);
    AnonVma6 av = new AnonVma6("av");
    mm.mapInitial("vma", 0, 2, Vma6.VM_READ | Vma6.VM_WRITE, av, null);
    mm.pageInitial(0, 3, av, true);
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 1, false, null));
    w.thread("munmap", () -> Mmap6.sys_munmap(mm, 0));
  }
}
