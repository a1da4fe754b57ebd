package dev.mmcheck.model.v2018;

import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.Task17;
import dev.mmcheck.model.v2017.Vma17;
import java.util.Map;

/**
 * Seed 004: "Say a program has a 200GB mapping and then mmap(MAP_FIXED) another 200GB region on
 * top of it. So I think page faults are also going to have to wait for deleted vmas (then retry
 * the fault) rather than immediately raising SIGSEGV" (Wilcox). The page {@code mm.addr} is
 * mapped before and after the MAP_FIXED, so a fault there must not fail
 * ({@code no-spurious-sigsegv}).
 *
 * <pre>
 * mm: vma_old [0,4) private anonymous rw, no pages yet (two sections of 2 pages)
 * mapper: mmap(0, 4 pages, PROT_READ|PROT_WRITE, MAP_FIXED|MAP_PRIVATE|MAP_ANONYMOUS)  -> vma_new
 * fault:  *page[mm.addr] = 1     (default page 1: the first section)
 * </pre>
 */
public final class MapFixedVsFault extends Mm18Scenario {
  public MapFixedVsFault(Map<String, String> params) {
    super(params, 1);
  }

  @Override
  public void setup(dev.mmcheck.engine.World w) {
    Mm17 mm = newMm();
    mm.mapInitial("vma_old", 0, 4, Vma17.ANON_RW);
    Task17 mt = new Task17("mapper");
    Task17 ft = new Task17("fault");
    w.thread("mapper", () -> Munmap18.sys_mmap_fixed(mm, mt, discipline, "vma_new", 0, 4));
    w.thread("fault", () -> Fault18.user_access(mm, ft, addr, true, 1));
  }
}
