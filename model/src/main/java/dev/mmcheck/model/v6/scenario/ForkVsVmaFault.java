package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Fault6;
import dev.mmcheck.model.v6.Fork6;
import dev.mmcheck.model.v6.Kernel6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.Map;

/**
 * fb49c455323f ("fork: lock VMAs of the parent process when forking", 6.5-rc1 / 6.4.y): in 6.4,
 * {@code dup_mmap} held the parent's mmap lock for write but did not write-lock the parent's
 * VMAs, so a page fault of another parent thread ran under the per-VMA lock while the copy
 * write-protected and shared the pages: a store to a page the copy had just write-protected
 * takes {@code do_wp_page} -> {@code wp_page_copy} (the parent gets a private copy, the child
 * keeps the old page) while later pages are still copied as they are. The child then sees the
 * parent's second store but not its first: a state the parent never had (the reports:
 * corrupted memory in fork-heavy workloads, Jiri Slaby, Holger Hoffstaette, bugzilla 217624;
 * per-VMA locks were disabled for 6.4 until the fix). With the fix the fault cannot lock the VMA
 * and waits for the mmap lock. This is also the 6.4 answer to seed 003's dup_mmap question: the
 * old mm's write lock is needed, and with per-VMA locks it is no longer enough alone.
 *
 * <pre>
 * parent: vma [0,2) anon, pages 0 and 1 writable, contents 0
 * fork:   dup_mmap(parent)                     writer: *0 = 1; *1 = 1   (one parent thread)
 * </pre>
 */
public final class ForkVsVmaFault extends V6Scenario {
  public ForkVsVmaFault(Map<String, String> params) {
    super(params, Era6.E6_4);
  }

  @Override
  public void setup(World w) {
    Kernel6 k = kernel();
    Mm6 mm = new Mm6(k, "mm", 2, false, null);
    AnonVma6 av = new AnonVma6("av");
    mm.mapInitial("vma", 0, 2, Vma6.VM_READ | Vma6.VM_WRITE, av, null);
    mm.pageInitial(0, 0, av, true);
    mm.pageInitial(1, 0, av, true);
    w.thread("fork", () -> Fork6.dup_mmap(mm, "child"));
    w.thread("writer", () -> {
      Fault6.user_write(mm, 0, 1, null);
      Fault6.user_write(mm, 1, 1, null);
    });
  }
}
