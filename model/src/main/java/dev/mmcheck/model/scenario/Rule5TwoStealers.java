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
 * while they look up the second ({@code mm.nestVictims=true}, the default), in opposite orders.
 * No 1999 stealer does that (2.3.21 {@code swap_out_mm} takes one mm at a time): the nesting is
 * hypothetical. Both run under the BKL, as {@code do_try_to_free_pages()} does
 * ({@code mm.stealersTakeBkl=true}, the default): then the ABBA cannot close, because the BKL
 * holder never waits for a vmlist lock held by the other stealer unless that one sleeps, and it
 * only sleeps in the contended {@code down()} that gave the BKL up. Without the BKL (a named
 * mutation) the two deadlock. The real nesting of 2.4.20 is {@link Rule5Fork}.
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
    boolean bkl = flag("mm.stealersTakeBkl", true);
    w.thread("kswapd", () -> compareVictims(k, a, b, nest, bkl));
    w.thread("stealer", () -> compareVictims(k, b, a, nest, bkl));
  }

  /** Looks at both victims' first VMA (the swap_cnt comparison of 2.2 swap_out, per VMA list). */
  static void compareVictims(Kernel k, MmStruct first, MmStruct second, boolean nest, boolean bkl) {
    if (bkl) {
      k.lockKernel();
    }
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
    if (bkl) {
      k.unlockKernel();
    }
  }
}
