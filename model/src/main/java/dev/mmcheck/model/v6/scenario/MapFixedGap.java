package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.FaultRecord;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.MaState;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.Vma6;
import java.util.List;
import java.util.Map;

/**
 * MAP_FIXED gap exposure (Liam R. Howlett, "Avoid MAP_FIXED gap exposure", 2024, merged for 6.12
 * [version unverified]): {@code mmap_region} unmapped the old VMAs before storing the new one,
 * so an RCU walker could see a hole "that should never logically exist - and does not when using
 * the mmap lock in read mode" (the cover letter). Seed 004 (Matthew Wilcox, 2018) asked for
 * exactly this: a fault that finds the old VMA going away must wait, not SIGSEGV.
 *
 * <ul>
 *   <li>{@code mm.reader=trusting} (hypothetical: the lockless fault of seed 004's design that
 *       takes "no VMA under RCU" as final): looks the address up under {@code rcu_read_lock} and
 *       returns SIGSEGV on a hole. Fails spuriously before the fix, never after.
 *   <li>{@code mm.reader=fault}: the real 6.4+ fault, whose {@code lock_vma_under_rcu} returns
 *       NULL on the hole and falls back to the mmap lock, which waits for mmap: never spurious
 *       (the gap costs a fallback, not a signal).
 * </ul>
 *
 * <pre>
 * old [0,2) anon      mmap: mmap(0, 2 pages, MAP_FIXED)      reader: access at 0
 * </pre>
 */
public final class MapFixedGap extends V6Scenario {
  private final boolean trusting;

  public MapFixedGap(Map<String, String> params) {
    super(params, Era6.E6_4);
    this.trusting = choice("mm.reader", "trusting", List.of("trusting", "fault")).equals("trusting");
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, true, null);
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    Vma6 old = mm.mapInitial("old", 0, 2, rw, new AnonVma6("av"), null);
    FaultRecord rec = new FaultRecord("fault0", mm);
    w.thread("mmap", () -> Mmap6.mmap_fixed(mm, old, "new", rw));
    w.thread("reader", () -> {
      if (trusting) {
        rec.addr.set(0);
        k.rcu.readLock();
        Vma6 v = mm.mt.mas_walk(new MaState(mm.mt, 0));
        k.rcu.readUnlock();
        if (v == null) {
          rec.result.set("SIGSEGV");
        }
      } else {
        Fault6.do_user_addr_fault(mm, 0, false, rec);
      }
    });
  }
}
