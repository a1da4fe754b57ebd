package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.Vma6;
import java.util.List;
import java.util.Map;

/**
 * {@code mm_take_all_locks} ordering (eeff9a5d47f8 "mm/mmap: prevent pagefault handler from
 * racing with mmu_notifier registration", 6.4: "VMAs are locked before i_mmap_rwsem and anon_vma
 * to keep the same locking order as in page fault handlers"): an mmu-notifier registration takes
 * the mmap lock for write and then every lock of the mm; a fault under the VMA read lock takes an
 * anon_vma lock ({@link Fault6#numa_hint_fault}). VMAs write-locked first: the registration waits
 * for the fault, which finishes. Anon_vma first ({@code mm.takeAllLocksVmaFirst=false}, a
 * mutation): ABBA between the anon_vma rwsem and the VMA lock.
 *
 * <pre>
 * vma [0,1) anon, anon_vma av, page at 0
 * notifier: mmap_write_lock; mm_take_all_locks; mm_drop_all_locks; mmap_write_unlock
 * fault:    NUMA hinting fault at 0 (VMA read lock -> anon_vma read)
 * </pre>
 */
public final class TakeAllLocks extends V6Scenario {
  public TakeAllLocks(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 1, false, null);
    AnonVma6 av = new AnonVma6("av");
    mm.mapInitial("vma", 0, 1, Vma6.VM_READ | Vma6.VM_WRITE, av, null);
    mm.pageInitial(0, 1, av, true);
    w.thread("notifier", () -> {
      mm.mmap_write_lock();                          // __mmu_notifier_register
      List<Object> taken = Mmap6.mm_take_all_locks(mm);
      Mmap6.mm_drop_all_locks(mm, taken);
      mm.mmap_write_unlock();
    });
    w.thread("fault", () -> Fault6.numa_hint_fault(mm, 0));
  }
}
