package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Vma;
import java.util.Map;

/**
 * Seed 002 rule 5: "while holding vmlist_modify_lock or vmlist_access_lock of mm A, you will not
 * try to get either lock for mm B." Two page stealers (kswapd and a task in
 * {@code try_to_free_pages}) each compare two victims, holding the first victim's vmlist lock
 * while they look up the second ({@code mm.nestVictims=true}, the default: a hypothetical
 * stealer that breaks rule 5), in opposite orders: ABBA. The obeying variant
 * ({@code mm.nestVictims=false}) drops one mm's lock before taking the other's, as 2.3.21
 * {@code swap_out_mm} does. The BKL is left out: a stealer sleeping in {@code down()} drops it
 * in {@code schedule()}, so it would not break the cycle, and the engine's semaphore does not
 * model that release.
 */
public final class Rule5TwoStealers extends MmScenario {
  public Rule5TwoStealers(Map<String, String> params) {
    super(params, Era.E1999_PATCH);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct a = newMm("mmA", k, 2);
    MmStruct b = newMm("mmB", k, 2);
    map(a, "vmaA", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    map(b, "vmaB", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    boolean nest = flag("mm.nestVictims", true);
    w.thread("kswapd", () -> compareVictims(a, b, nest));
    w.thread("stealer", () -> compareVictims(b, a, nest));
  }

  /** Looks at both victims' first VMA (the swap_cnt comparison of 2.2 swap_out, per VMA list). */
  static void compareVictims(MmStruct first, MmStruct second, boolean nest) {
    first.vmlistAccessLock();
    Mmap.find_vma(first, 0);
    if (!nest) {
      first.vmlistAccessUnlock();
    }
    second.vmlistAccessLock();
    Mmap.find_vma(second, 0);
    second.vmlistAccessUnlock();
    if (nest) {
      first.vmlistAccessUnlock();
    }
  }
}
