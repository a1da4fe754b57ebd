package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Fault26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import java.util.Map;

/**
 * Seed 001's sequence-counter fault and Hugh Dickins' worst case: while a fault is in the
 * filesystem without mmap_sem, its VMA is unmapped and (with {@code mm.replace=true}) another
 * VMA, of file g, is mapped at the same range. {@code mm.seqValidate}: {@code MM} (an mm-wide
 * count, the proposal) retries and is correct; {@code VMA} (a per-VMA count) passes for the
 * new VMA and maps f's page into g's mapping; {@code NONE} installs it whatever is there.
 *
 * <pre>
 * mm: vma_f [0,1) f      threads: fault(0), hugh(mmap MAP_FIXED g over [0,1), or munmap)
 * </pre>
 */
public final class SeqcountFault extends Mm26Scenario {
  public SeqcountFault(Map<String, String> params) {
    super(params, Era26.E2013_SEQCOUNT);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(1);
    Inode26 f = file("f", 1, false, false);
    Inode26 g = file("g", 1, true, false);
    Vma v = mm.mapInitial("vma_f", 0, 1, 0, Vma.VM_READ | Vma.VM_SHARED, f);
    mm.vmaSeq(v);
    boolean replace = Boolean.parseBoolean(param("mm.replace", "true"));
    w.thread("fault", () -> Fault26.user_fault(mm, 0));
    w.thread("hugh", () -> {
      if (replace) {
        Mmap26.sys_mmap_fixed(mm, "vma_g", 0, 1, g, 0);
      } else {
        Mmap26.sys_munmap(mm, 0);
      }
    });
  }
}
