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
 * Per-VMA lock protocol sanity (Documentation/mm/process_addrs.rst, "VMA lock internals"): a
 * VMA-locked fault against a writer that changes the same VMA. {@code mm.writer=mprotect}: the
 * writer removes write permission ({@code vm_flags} and the PTE); {@code mm.writer=munmap}: the
 * writer detaches and frees it. In 6.4 and 6.15 {@code vma_start_write} waits for the fault's
 * read lock, and the VMA stays write-locked until {@code mmap_write_unlock}: the fault never sees
 * the VMA change under its lock. The mutation {@code mm.vmaStartWriteWaitsReaders=false} only
 * sets {@code vm_lock_seq}.
 *
 * <pre>
 * vma [0,1) anon, page at 0 (writable)       fault: write fault at 0       writer: mprotect(PROT_READ) | munmap
 * </pre>
 */
public final class VmaLockProtocol extends V6Scenario {
  private final boolean munmap;

  public VmaLockProtocol(Map<String, String> params) {
    super(params, Era6.E6_4);
    this.munmap = choice("mm.writer", "mprotect", List.of("mprotect", "munmap")).equals("munmap");
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 1, false, null);
    AnonVma6 av = new AnonVma6("av");
    mm.mapInitial("vma", 0, 1, Vma6.VM_READ | Vma6.VM_WRITE, av, null);
    mm.pageInitial(0, 1, av, false);
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 0, true, null));
    w.thread("writer", () -> {
      if (munmap) {
        Mmap6.sys_munmap(mm, 0);
      } else {
        Mmap6.sys_mprotect(mm, 0, Vma6.VM_READ);
      }
    });
  }
}
