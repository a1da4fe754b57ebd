package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.MaState;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.List;
import java.util.Map;

/**
 * StackRot, CVE-2023-3269 (Ruihan Li; 6.1 to 6.4; lrh2000/StackRot README): a fault below a
 * {@code VM_GROWSDOWN} stack runs {@code expand_stack} with only the mmap read lock; when the
 * VMA below also grows down there is no guard gap, the expansion swallows the whole gap, and the
 * maple-tree store replaces the node and frees the old one with {@code call_rcu}. Another thread
 * that holds the mmap read lock but is not in an RCU read section ({@code find_vma_prev}: its
 * {@code mas_walk} records the node, its {@code mas_prev} reads it again) reads the node after the
 * grace period: use after free. Fixed by {@code lock_mm_and_find_vma} (expansion under the mmap
 * write lock; {@code mm.stackExpandUnderWriteLock}).
 *
 * <pre>
 * tree:  [0,2) lo (VM_GROWSDOWN)  [2,4) gap  [4,6) stack (VM_GROWSDOWN)  [6,16) gap
 * fault:  fault at 2: find_vma -> stack; vm_start 4 > 2; expand_stack(stack, 2): [2,6) stack
 * reader: mmap_read_lock; find_vma_prev(mm, 5): mas_walk, mas_prev; mmap_read_unlock
 * </pre>
 *
 * {@code mm.neighbour=plain}: the VMA below is an ordinary [0,1) VMA, the fault at 3 leaves the
 * guard gap [1,3) and the store only moves a pivot (in place): nothing is freed, which is why the
 * bug needed two adjacent grows-down VMAs. {@code mm.reader=rcu}: the reader walks inside
 * {@code rcu_read_lock} (hypothetical: the kernel's mmap-lock readers do not), and the grace
 * period waits for it.
 */
public final class StackRot extends V6Scenario {
  private final boolean growsDownNeighbour;
  private final boolean rcuReader;

  public StackRot(Map<String, String> params) {
    super(params, Era6.E6_1);
    this.growsDownNeighbour = choice("mm.neighbour", "growsdown", List.of("growsdown", "plain")).equals("growsdown");
    this.rcuReader = choice("mm.reader", "mmap-lock", List.of("mmap-lock", "rcu")).equals("rcu");
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 8, false, null);
    int rw = Vma6.VM_READ | Vma6.VM_WRITE;
    if (growsDownNeighbour) {
      mm.mapInitial("lo", 0, 2, rw | Vma6.VM_GROWSDOWN, new AnonVma6("av_lo"), null);
    } else {
      mm.mapInitial("lo", 0, 1, rw, new AnonVma6("av_lo"), null);
    }
    mm.mapInitial("stack", 4, 6, rw | Vma6.VM_GROWSDOWN, new AnonVma6("av_stack"), null);
    int faultAt = growsDownNeighbour ? 2 : 3;
    w.thread("fault", () -> Fault6.do_user_addr_fault(mm, faultAt, true, null));
    w.thread("reader", () -> {
      mm.mmap_read_lock();
      if (rcuReader) {
        k.rcu.readLock();
      }
      MaState mas = new MaState(mm.mt, 5);              // find_vma_prev(mm, 5, &prev)
      mm.mt.mas_walk(mas);
      mm.mt.mas_prev(mas);
      if (rcuReader) {
        k.rcu.readUnlock();
      }
      mm.mmap_read_unlock();
    });
  }
}
