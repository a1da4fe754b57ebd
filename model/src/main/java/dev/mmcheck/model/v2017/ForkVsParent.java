package dev.mmcheck.model.v2017;

import java.util.Map;

/**
 * Seed 003, first question: "dup_mmap() locks the oldmm in write mode when copying it, is it
 * necessary?" A process forks while another of its threads ({@code thread2}) works on the same
 * mm; {@code mm.dupLock} says how {@code dup_mmap} locks the parent.
 *
 * <pre>
 * mm: vma1 [0,1), vma2 [1,2), private anonymous rw; page0 and page1 present, writable, holding 0
 *     (mm.op=fault: page0 absent)
 * fork:    fork()
 * thread2  mm.op=write:    *page0 = 1; *page1 = 1        (the first write after the copy faults: COW)
 *          mm.op=fault:    *page0 = 1 (write fault on an absent page); *page1 = 1
 *          mm.op=munmap:   *page0 = 1; munmap(vma2)
 *          mm.op=mprotect: *page0 = 1; mprotect(vma2, PROT_READ)
 * </pre>
 *
 * Each {@code thread2} program changes vma1 (copied first) and then vma2 (copied second), so a
 * child that reflects the second change but not the first is not a snapshot of the parent at
 * any instant ({@code fork-snapshot}). (The other order cannot show anything: {@code dup_mmap}
 * copies in address order.)
 */
public final class ForkVsParent extends Mm17Scenario {
  private final String op;

  public ForkVsParent(Map<String, String> params) {
    super(params, Era17.E2017_RANGE);
    this.op = param("mm.op", "write");
    if (!java.util.List.of("write", "fault", "munmap", "mprotect").contains(op)) {
      throw new IllegalArgumentException("mm.op must be write, fault, munmap or mprotect, not '" + op + "'");
    }
  }

  @Override
  public void setup(dev.mmcheck.engine.World w) {
    Mm17 mm = newMm("mm", 2);
    mm.mapInitial("vma1", 0, 1, Vma17.ANON_RW);
    mm.mapInitial("vma2", 1, 2, Vma17.ANON_RW);
    if (!op.equals("fault")) {
      mm.pageInitial(0, 0, true);
    }
    mm.pageInitial(1, 0, true);
    Task17 forker = new Task17("fork");
    Task17 t2 = new Task17("thread2");
    w.thread("fork", () -> Fork17.do_fork(mm, forker, "child"));
    w.thread("thread2", () -> {
      switch (op) {
        case "write", "fault" -> {
          Fault17.user_access(mm, t2, 0, true, 1);
          Fault17.user_access(mm, t2, 1, true, 1);
        }
        case "munmap" -> {
          Fault17.user_access(mm, t2, 0, true, 1);
          Mmap17.sys_munmap(mm, t2, 1, 2);
        }
        default -> {
          Fault17.user_access(mm, t2, 0, true, 1);
          Mmap17.sys_mprotect_readonly(mm, t2, 1, 2);
        }
      }
    });
  }

  @Override
  public String name() {
    return "ForkVsParent[" + era + ", " + op + ", dupLock=" + discipline.dupLock() + "]";
  }
}
