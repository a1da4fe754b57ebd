package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mempolicy6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.Map;

/**
 * 49b0638502da ("mm: enable page walking API to lock vmas during the walk", 6.5-rc6, stable
 * 6.4.x): page walks that run under the mmap write lock assumed that no page fault could run
 * meanwhile; with per-VMA locks one can, so mbind's {@code queue_pages_range} migrated pages of
 * a VMA while a VMA-locked fault of the same VMA was installing a page on the old policy. The fix
 * write-locks each walked VMA ({@code PGWALK_WRLOCK}).
 *
 * <pre>
 * vma [0,2) anon, page at 1 on node 0
 * mbind: do_mbind(vma, node 1) (walk, migrate, set vm_policy)      fault: write fault at 0
 * </pre>
 */
public final class PageWalkVsFault extends V6Scenario {
  public PageWalkVsFault(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, false, null);
    AnonVma6 av = new AnonVma6("av");
    mm.mapInitial("vma", 0, 2, Vma6.VM_READ | Vma6.VM_WRITE, av, null);
    mm.pageInitial(1, 5, av, true);
    w.thread("mbind", () -> Mempolicy6.do_mbind(mm, 0, 1));
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 0, true, null));
  }
}
