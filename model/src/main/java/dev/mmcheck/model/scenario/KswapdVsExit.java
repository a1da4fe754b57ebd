package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Mprotect;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.Vmscan;
import java.util.Map;

/**
 * Victim-mm lifetime against the stealer (seed 002: "To guarantee the existance of the victim
 * mm, a mm_count inc and a mmdrop are done in swap_out()"). Two threads share the mm
 * ({@code mm_users} = 2): A runs mprotect (holding {@code vmlist_modify_lock} for its field
 * updates) and exits, B exits. kswapd picks the mm and asks for {@code vmlist_access_lock}; with
 * the patch's semaphore that {@code down()} can sleep, which gives the BKL up, so both exits
 * ({@code do_exit} under the BKL, {@code mmput} -> {@code exit_mmap} -> {@code mmdrop}) can run
 * before kswapd looks at the list. The pin ({@link dev.mmcheck.model.Discipline#kswapdPinsMm})
 * keeps the struct until kswapd's own {@code mmdrop}; without it (a mutation) kswapd reads a
 * freed mm. 2.2.1 has no vmlist lock and no sleep before the scan; on {@code page_table_lock}
 * the stealer spins with the BKL held.
 *
 * <pre>
 * mm (mm_users 2): vma [0,4) anon     threads: kswapd, A: mprotect(0, 2) then exit, B: exit
 * </pre>
 */
public final class KswapdVsExit extends MmScenario {
  public KswapdVsExit(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    map(mm, "vma", 0, 4, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    mm.mmUsers.set(2);
    mm.mergeAfterFixup = false;
    var a = k.addTask("A", mm);
    var b = k.addTask("B", mm);
    w.thread("kswapd", () -> Vmscan.swap_out_tasks(k));
    w.thread("A", () -> {
      Mprotect.sys_mprotect(mm, 0, 2, Vma.VM_READ);
      Mmap.do_exit(k, a);
    });
    w.thread("B", () -> Mmap.do_exit(k, b));
  }
}
