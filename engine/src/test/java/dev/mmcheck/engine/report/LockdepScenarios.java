package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.World;

/**
 * Lock-order cycles whose lockdep-style reports are pinned by golden files. Their source lines
 * appear in the goldens: editing this file means regenerating them.
 */
final class LockdepScenarios {
  private LockdepScenarios() {}

  /**
   * Three classes in a cycle over three threads, with helper frames: i_mutex -> mmap_sem in
   * write, mmap_sem -> page_table_lock in a fault, page_table_lock -> i_mutex in a (made-up)
   * reclaim path. Each thread alone is fine; lockdep's "Chain exists of" case.
   */
  static final class ThreeClasses implements Scenario {
    @Override
    public void setup(World w) {
      Mutex iMutex = new Mutex("inode.i_mutex");
      RwSemaphore mmapSem = new RwSemaphore("mm.mmap_sem");
      SpinLock ptl = new SpinLock("mm.page_table_lock");
      w.thread("write", () -> {
        iMutex.lock();
        fault(mmapSem);
        iMutex.unlock();
      });
      w.thread("fault", () -> {
        mmapSem.downRead();
        ptl.lock();
        ptl.unlock();
        mmapSem.upRead();
      });
      w.thread("reclaim", () -> {
        ptl.lock();
        iMutex.lock();
        iMutex.unlock();
        ptl.unlock();
      });
    }

    private static void fault(RwSemaphore mmapSem) {
      mmapSem.downRead();
      mmapSem.upRead();
    }
  }

  /** Two instances of one class nested without a nesting annotation: "possible recursive locking". */
  static final class Recursive implements Scenario {
    @Override
    public void setup(World w) {
      Mutex a = new Mutex("inode1.i_mutex");
      Mutex b = new Mutex("inode2.i_mutex");
      w.thread("rename", () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
    }
  }
}
