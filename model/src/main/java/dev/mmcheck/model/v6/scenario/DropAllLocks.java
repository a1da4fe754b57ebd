package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.PerVmaLock;
import dev.mmcheck.model.v6.Vma6;
import java.util.List;
import java.util.Map;

/**
 * "mm: Don't drop VMA locks in mm_drop_all_locks()" (Jann Horn, Message-Id
 * 20230720193436.454247-1-jannh@google.com, 6.5): {@code mm_drop_all_locks} called
 * {@code vma_end_write_all}, ending every VMA write lock of the mm while the caller still held
 * the mmap lock and might go on changing a VMA it had write-locked. The message's call graph
 * (munmap -> __split_vma -> sgx_vma_open -> __mmu_notifier_register) "can't actually happen"; the
 * caller here is hypothetical: it write-locks the VMA, registers a notifier, and then changes
 * {@code vm_flags}, while a fault may have taken the VMA lock in between.
 *
 * <pre>
 * vma [0,1) anon, page at 0
 * caller: mmap_write_lock; vma_start_write; mm_take_all_locks; mm_drop_all_locks; vm_flags = ...; unlock
 * fault:  write fault at 0 (reads vm_flags under the VMA lock)
 * </pre>
 */
public final class DropAllLocks extends V6Scenario {
  public DropAllLocks(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 1, false, null);
    AnonVma6 av = new AnonVma6("av");
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    Vma6 v = mm.mapInitial("vma", 0, 1, rw, av, null);
    mm.pageInitial(0, 1, av, true);
    w.thread("caller", () -> {
      mm.mmap_write_lock();
      PerVmaLock.vma_start_write(mm, v);
      List<Object> taken = Mmap6.mm_take_all_locks(mm);
      Mmap6.mm_drop_all_locks(mm, taken);
      v.vmFlags.set(rw | Vma6.VM_SOFTDIRTY);         // the caller goes on changing the VMA
      mm.mmap_write_unlock();
    });
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 0, true, null));
  }
}
