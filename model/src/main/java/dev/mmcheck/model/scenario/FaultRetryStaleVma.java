package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.Vma26;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Fault26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import dev.mmcheck.model.v26.Page;
import java.util.Map;

/**
 * d065bd810b6d (2.6.37): a fault finds f's page locked for I/O, drops mmap_sem and returns
 * {@code VM_FAULT_RETRY}; meanwhile munmap removes and frees the VMA. The handler must look the
 * VMA up again after re-taking mmap_sem (the kernel does); {@code mm.retryRelooksUpVma=false}
 * reuses the stale pointer: a use after free when munmap ran, and a fault-retry violation even
 * when it did not.
 *
 * <pre>
 * mm: vma_f [0,1) f      threads: io(lock f.page[0], I/O, unlock), fault(0), munmap(0)
 * </pre>
 */
public final class FaultRetryStaleVma extends Mm26Scenario {
  public FaultRetryStaleVma(Map<String, String> params) {
    super(params, Era26.E2_6_37);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(1);
    Inode26 f = file("f", 1, true, false);
    mm.mapInitial("vma_f", 0, 1, 0, Vma26.VM_READ | Vma26.VM_SHARED, f);
    Page p = f.mapping.page(0);
    w.thread("io", () -> {
      p.lock.lock();                                   // readahead/writeback holds the page lock
      Sched.mightSleep("block I/O");
      p.lock.unlock();                                 // end_page_read -> unlock_page
    });
    w.thread("fault", () -> Fault26.do_page_fault(mm, 0));
    w.thread("munmap", () -> Mmap26.sys_munmap(mm, 0));
  }
}
