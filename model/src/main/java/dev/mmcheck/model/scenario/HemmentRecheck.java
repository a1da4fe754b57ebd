package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Memory;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Ptrace;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import java.util.Map;

/**
 * Seed 000's claim: "If the semaphore is always taken before calling handle_mm_fault(), then
 * ... most the re-checks in swap_in() become redundant (as do some of the checks in
 * do_wp_page())". Two callers of handle_mm_fault on the same swapped-out (or, with
 * {@code path=wp}, write-protected) page: the arch fault handler (holds mmap_sem) and ptrace's
 * access_process_vm (holds it only from 1998-fixed on). The re-checks are removed
 * ({@code mm.faultRechecks=false}, default here). In 1998 both swap the page in and the second
 * {@code set_pte} overwrites the first's page (a lost write); in 1998-fixed mmap_sem serialises
 * them and the variant is correct, as Hemment says.
 */
public final class HemmentRecheck extends MmScenario {
  public HemmentRecheck(Map<String, String> params) {
    super(params, Era.E1998);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 2);
    mm.faultRechecks = flag("mm.faultRechecks", false);
    map(mm, "vma", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    if ("wp".equals(params.get("mm.path"))) {
      mm.pte(1).set(Pte.anonPage(1, 101, false, false));  // COW: present, read-only
    } else {
      mm.pte(1).set(Pte.swapEntry(1, 7));
    }
    w.thread("fault", () -> Memory.do_page_fault(mm, 1, true));
    w.thread("ptrace", () -> Ptrace.access_process_vm(mm, 1, true));
  }
}
