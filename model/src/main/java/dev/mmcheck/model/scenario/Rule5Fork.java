package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Fork;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import java.util.List;
import java.util.Map;

/**
 * The one real nesting of seed 002's rule 5: Linux 2.4.20 {@code dup_mmap()} (kernel/fork.c)
 * holds the child's {@code page_table_lock} (the vmlist lock of 2.4) while
 * {@code copy_page_range()} (mm/memory.c) takes the parent's. The child is new and no path takes
 * the two locks the other way round, so it cannot deadlock with kswapd, which scans the parent
 * and the child one at a time (2.4 {@code swap_out_mm}); {@code vmlist-rules} reports the
 * nesting itself. 2.4.0 {@code dup_mmap} takes neither lock ({@link
 * dev.mmcheck.model.Discipline#dupMmapNestsPtl}).
 *
 * <pre>
 * parent: vma [0,2) anon private writable, page 1 dirty; child: empty     threads: fork(parent -> child), kswapd(parent, child)
 * </pre>
 */
public final class Rule5Fork extends MmScenario {
  public Rule5Fork(Map<String, String> params) {
    super(params, Era.E2_4_20);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct parent = newMm("parent", k, 2);
    MmStruct child = newMm("child", k, 2);
    child.onMmlist.set(false);
    child.setUnshared(true);
    map(parent, "vma", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    parent.pte(1).set(Pte.anonPage(1, 101, true, true));
    parent.rss.set(1);
    w.thread("fork", () -> Fork.copy_mm(parent, child));
    w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(parent, child)));
  }
}
