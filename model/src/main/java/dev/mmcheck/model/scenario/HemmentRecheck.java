package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Ptrace;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Swapfile;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import java.util.List;
import java.util.Map;

/**
 * Seed 000's claim: "If the semaphore is always taken before calling handle_mm_fault(), then
 * ... most the re-checks in swap_in() become redundant (as do some of the checks in
 * do_wp_page())". A write fault (the arch handler, holding {@code mmap_sem}) on a swapped-out
 * page ({@code mm.path=swap}) or a write-protected COW page ({@code mm.path=wp}), with the
 * re-checks removed ({@code mm.faultRechecks=false}, the default here; {@code era} keeps the
 * era's own code), against another writer of the same PTE ({@code mm.writer}):
 *
 * <ul>
 *   <li>{@code ptrace} (default): {@code access_process_vm}, the other {@code handle_mm_fault}
 *       caller; it holds {@code mmap_sem} from 1998-fixed on.
 *   <li>{@code fault}: a second fault of another thread; under a semaphore {@code mmap_sem} the
 *       two serialise, under 2.4.20's rwsem both hold it for read.
 *   <li>{@code swapoff}: {@code try_to_unuse} -> {@code unuse_pte}, holding the era's
 *       {@link dev.mmcheck.model.Discipline#swapoffLock} (the BKL only in 2.2.1).
 *   <li>{@code kswapd}: {@code try_to_swap_out} unloading the page (the case seed 000 says is
 *       "correctly covered": the narrowed {@code do_wp_page} keeps its "still present" check).
 * </ul>
 *
 * A writer that never touches the PTE of a path (kswapd on a swapped-out page, swapoff on a
 * present one) makes the row vacuous.
 */
public final class HemmentRecheck extends MmScenario {
  public HemmentRecheck(Map<String, String> params) {
    super(withDefault(params), Era.E1998);
  }

  private static Map<String, String> withDefault(Map<String, String> p) {
    if (p.containsKey("mm.faultRechecks")) {
      return p;
    }
    java.util.HashMap<String, String> m = new java.util.HashMap<>(p);
    m.put("mm.faultRechecks", "false");
    return m;
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 2);
    map(mm, "vma", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    boolean wp = choice("mm.path", "swap", "swap", "wp").equals("wp");
    if (wp) {
      mm.pte(1).set(Pte.anonPage(1, 101, false, true));  // COW: present, read-only, dirty
      mm.rss.set(1);
    } else {
      mm.pte(1).set(Pte.swapEntry(1, 7));
    }
    w.thread("fault", () -> Memory.do_page_fault(mm, 1, true));
    switch (choice("mm.writer", "ptrace", "ptrace", "fault", "swapoff", "kswapd")) {
      case "ptrace" -> w.thread("ptrace", () -> Ptrace.access_process_vm(mm, 1, true));
      case "fault" -> w.thread("fault2", () -> Memory.do_page_fault(mm, 1, true));
      case "swapoff" -> w.thread("swapoff", () -> Swapfile.sys_swapoff(k, 7, mm));
      default -> w.thread("kswapd", () -> Vmscan.swap_out(k, List.of(mm)));
    }
  }
}
