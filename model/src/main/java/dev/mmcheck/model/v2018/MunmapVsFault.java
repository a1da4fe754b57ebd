package dev.mmcheck.model.v2018;

import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;
import java.util.Map;

/**
 * Seed 004: a large munmap of part of a VMA, by sections, while a fault runs. On page 3
 * (default) the fault is outside the range [0,3), mapped before and after: it must not fail
 * ({@code no-spurious-sigsegv}); on pages 0-2 it is inside, and either outcome is allowed.
 *
 * <pre>
 * mm: vma [0,4) private anonymous rw, pages 0 and 2 present
 * unmapper: munmap(0, 3 pages)          (sections [0,2), [2,3); splits vma at 3)
 * fault:    *page[mm.addr] = 1
 * </pre>
 */
public final class MunmapVsFault extends Mm18Scenario {
  public MunmapVsFault(Map<String, String> params) {
    super(params, 3);
  }

  @Override
  public void setup(dev.mmcheck.engine.World w) {
    Mm17 mm = newMm();
    mm.mapInitial("vma", 0, 4, Vma17.ANON_RW);
    mm.pageInitial(0, 0, true);
    mm.pageInitial(2, 0, true);
    Task17 ut = new Task17("munmap");
    Task17 ft = new Task17("fault");
    w.thread("munmap", () -> Munmap18.sys_munmap(mm, ut, discipline, 0, 3));
    w.thread("fault", () -> Fault18.user_access(mm, ft, addr, true, 1));
  }
}
