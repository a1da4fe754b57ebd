package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Mmap6;
import dev.mmcheck.model.v6.Vma6;
import java.util.Map;

/**
 * 657b5146955e ("mm: lock_vma_under_rcu() must check vma->anon_vma under vma lock", Jann Horn,
 * 6.5-rc4 / 6.4.8): 6.4's {@code lock_vma_under_rcu} refused VMAs without an anon_vma so that
 * {@code __anon_vma_prepare} (which looks at the unlocked neighbours in
 * {@code find_mergeable_anon_vma}) never runs under the VMA lock, but it checked before
 * {@code vma_start_read}: an mremap with MREMAP_DONTUNMAP can clear the anon_vma
 * ({@code unlink_anon_vmas}) in between, the fault then runs {@code __anon_vma_prepare} holding
 * only the VMA lock, and munmap frees the neighbour it is reading (6.4 frees VMAs with
 * {@code call_rcu}; the fault is no longer in an RCU read section): use after free. The commit's
 * two threads are one "writer" thread here (mremap, then munmap of the neighbour).
 *
 * <pre>
 * v [0,1) anon, anon_vma av_v       x [1,2) anon, anon_vma av_x (adjacent, same flags)
 * fault:  write fault at 0          writer: mremap(MREMAP_DONTUNMAP) of v; munmap(x)
 * </pre>
 */
public final class AnonVmaCheckBeforeLock extends V6Scenario {
  public AnonVmaCheckBeforeLock(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, false, null);
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    mm.mapInitial("v", 0, 1, rw, new AnonVma6("av_v"), null);
    AnonVma6 avx = new AnonVma6("av_x");
    mm.mapInitial("x", 1, 2, rw, avx, null);
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, 0, true, null));
    w.thread("writer", () -> {
      Mmap6.mremap_dontunmap(mm, 0);
      Mmap6.sys_munmap(mm, 1);
    });
  }
}
