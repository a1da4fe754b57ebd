package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Ptrace;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import java.util.Map;

/**
 * LOCKING-HISTORY 5.2, seed 002 kernel/ptrace.c hunk: 2.3.21 {@code access_process_vm()} called
 * {@code find_extend_vma()} before {@code down(&mm->mmap_sem)}; a clone's munmap (which holds
 * mmap_sem) can unlink and free the VMA in between. The patch moves the {@code down()} first,
 * as 2.2.1's i386 {@code sys_ptrace} already had it. In 1998 ptrace takes no {@code mmap_sem}
 * at all; both paths hold the BKL, so the free can only come while ptrace sleeps: the page is
 * not present by default ({@code mm.present=false}), so {@code handle_mm_fault} sleeps in
 * {@code filemap_nopage}. With {@code mm.present=true} ptrace does not sleep.
 *
 * <pre>
 * mm: vma0 [0,2) anon | vma1 [2,4) file f       threads: ptrace(peek addr 3), munmap(2, 2)
 * </pre>
 */
public final class PtraceLookupBeforeLock extends MmScenario {
  public PtraceLookupBeforeLock(Map<String, String> params) {
    super(params, Era.E1999_PRE);
  }

  @Override
  public void setup(World w) {
    Kernel k = new Kernel();
    MmStruct mm = newMm("mm", k, 4);
    Inode f = new Inode("f", 2);
    map(mm, "vma0", 0, 2, 0, Vma.VM_READ | Vma.VM_WRITE, null, null);
    map(mm, "vma1", 2, 4, 0, Vma.VM_READ | Vma.VM_SHARED, f, VmOps.FILE_SHARED);
    if (flag("mm.present", false)) {
      filePage(mm, 3, false);
    }
    w.thread("ptrace", () -> Ptrace.access_process_vm(mm, 3, false));
    w.thread("munmap", () -> Mmap.sys_munmap(mm, 2, 2));
  }
}
