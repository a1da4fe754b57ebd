package dev.mmcheck.model.v2017;

import java.util.Map;

/**
 * Seed 003, second question: does the VMA list/cache need its own lock under a range lock
 * ("the range itself will not protect against change while walking the VMA list")? A fault on
 * page 2 walks the list (and its vmacache, warm with vma_b, when the era has one) holding only
 * its page's range, while another thread changes the list on a disjoint range.
 *
 * <pre>
 * mm.op=munmap: vma_a [0,1), vma_b [1,2), vma_c [2,3)    unmapper: munmap(vma_b)
 * mm.op=mmap:   vma_a [0,1),              vma_c [2,3)    mapper:   mmap([1,2)) (vma_b inserted)
 * fault: *page2 = 1 (page absent: a write fault, find_vma walks vma_a, (vma_b,) vma_c)
 * </pre>
 */
public final class ListWalk extends Mm17Scenario {
  private final boolean munmap;

  public ListWalk(Map<String, String> params) {
    super(params, Era17.E2017_RANGE);
    String op = param("mm.op", "munmap");
    if (!op.equals("munmap") && !op.equals("mmap")) {
      throw new IllegalArgumentException("mm.op must be munmap or mmap, not '" + op + "'");
    }
    this.munmap = op.equals("munmap");
  }

  @Override
  public void setup(dev.mmcheck.engine.World w) {
    Mm17 mm = newMm("mm", 3);
    mm.mapInitial("vma_a", 0, 1, Vma17.ANON_RW);
    Vma17 b = munmap ? mm.mapInitial("vma_b", 1, 2, Vma17.ANON_RW) : null;
    mm.mapInitial("vma_c", 2, 3, Vma17.ANON_RW);
    Task17 ft = new Task17("fault");
    Task17 ut = new Task17(munmap ? "munmap" : "mmap");
    if (b != null && discipline.vmacache() != Discipline17.Vmacache.NONE) {
      ft.warm(mm, 1, b);
    }
    w.thread("fault", () -> Fault17.user_access(mm, ft, 2, true, 1));
    if (munmap) {
      w.thread("munmap", () -> Mmap17.sys_munmap(mm, ut, 1, 2));
    } else {
      w.thread("mmap", () -> Mmap17.sys_mmap(mm, ut, "vma_b", 1, 2));
    }
  }

  @Override
  public String name() {
    return "ListWalk[" + era + ", " + (munmap ? "munmap" : "mmap") + ", listLock=" + discipline.listLock()
        + ", vmacache=" + discipline.vmacache() + (discipline.fullRange() ? ", full range" : "") + "]";
  }
}
