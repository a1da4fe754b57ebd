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
 * d8ab9f7b644a ("mm: lock VMA in dup_anon_vma() before setting ->anon_vma", Jann Horn, 6.5-rc4 /
 * 6.4.8): when {@code vma_merge} expands {@code dst} over {@code src}, {@code dup_anon_vma} set
 * {@code dst->anon_vma = src->anon_vma} while dst was not write-locked, so from that store on a
 * page fault could take dst's per-VMA lock (6.4 requires a non-NULL anon_vma for that) and
 * install a page attached to an anon_vma that dst's {@code anon_vma_chain} does not link yet
 * ({@code anon_vma_clone} comes after): the page is not reachable from dst by rmap (and if the
 * clone then fails, dst is left with no anon_vma at all, the UAF of the commit message; the
 * allocation failure is not modelled).
 *
 * <pre>
 * dst [0,1) anon, no anon_vma      src [1,2) anon, anon_vma av, page at 1
 * merge: vma_merge_expand(dst, src)          fault: write fault at 0
 * </pre>
 */
public final class DupAnonVma extends V6Scenario {
  public DupAnonVma(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, false, null);
    AnonVma6 av = new AnonVma6("av");
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    Vma6 dst = mm.mapInitial("dst", 0, 1, rw, null, null);
    Vma6 src = mm.mapInitial("src", 1, 2, rw, av, null);
    mm.pageInitial(1, 7, av, true);
    w.thread("merge", () -> Mmap6.vma_merge_expand(mm, dst, src));
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 0, true, null));
  }
}
