package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.World;

/**
 * Small deterministic scenarios whose reports are pinned by golden files. Their source lines
 * appear in the goldens: editing this file means regenerating them.
 */
final class GoldenScenarios {
  private GoldenScenarios() {}

  /** ABBA on two mutexes: deadlocks. */
  static final class Abba implements Scenario {
    @Override
    public void setup(World w) {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t1", () -> {
        a.lock();
        b.lock();
        b.unlock();
        a.unlock();
      });
      w.thread("t2", () -> {
        b.lock();
        a.lock();
        a.unlock();
        b.unlock();
      });
    }
  }

  static final class Vma extends Tracked {
    final Cell<Long> start = cell("vm_start", 0x2000L);

    Vma(String name) {
      super(name);
    }
  }

  /** A reader uses a VMA that a second thread unlinks and frees, with no lock: use after free. */
  static final class UseAfterFree implements Scenario {
    @Override
    public void setup(World w) {
      Mutex lock = new Mutex("mm.lock");
      Cell<Vma> mmap = new Cell<>("mm.mmap", new Vma("vma1"));
      w.thread("fault", () -> {
        Vma v = mmap.get();
        if (v != null) {
          v.start.get();
        }
      });
      w.thread("munmap", () -> {
        lock.lock();
        Vma v = mmap.get();
        mmap.set(null);
        v.free();
        lock.unlock();
      });
    }
  }

  /** Two threads with private cells: one execution, verified. */
  static final class Private implements Scenario {
    @Override
    public void setup(World w) {
      Cell<Integer> x = new Cell<>("x", 0);
      Cell<Integer> y = new Cell<>("y", 0);
      w.thread("a", () -> x.set(1));
      w.thread("b", () -> y.set(2));
    }
  }

  /** Two writers of one cell: two executions, so max_executions = 1 cuts the search. */
  static final class Writers implements Scenario {
    @Override
    public void setup(World w) {
      Cell<Integer> x = new Cell<>("x", 0);
      w.thread("a", () -> x.set(1));
      w.thread("b", () -> x.set(2));
    }
  }

  /**
   * A reader takes {@code mm.mmap_sem} for read twice (a fault under {@code get_user}); a
   * writer queues in between, and writer preference blocks the second read: deadlock. The
   * methods are named like the kernel functions they stand for, so reports show them.
   */
  static final class RecursiveRead implements Scenario {
    @Override
    public void setup(World w) {
      RwSemaphore sem = new RwSemaphore("mm.mmap_sem");
      Cell<Integer> pte = new Cell<>("mm.pte", 0);
      w.thread("reader", () -> get_user(sem, pte));
      w.thread("munmap", () -> sys_munmap(sem, pte));
    }

    /** Stands for {@code get_user()} under {@code mmap_sem}: faults while holding it for read. */
    static void get_user(RwSemaphore sem, Cell<Integer> pte) {
      sem.downRead();
      pte.get();
      do_page_fault(sem, pte);
      sem.upRead();
    }

    /** Stands for {@code do_page_fault()}: takes {@code mmap_sem} for read again. */
    static void do_page_fault(RwSemaphore sem, Cell<Integer> pte) {
      sem.downRead();
      pte.set(1);
      sem.upRead();
    }

    /** Stands for {@code sys_munmap()}: takes {@code mmap_sem} for write. */
    static void sys_munmap(RwSemaphore sem, Cell<Integer> pte) {
      sem.downWrite();
      pte.set(0);
      sem.upWrite();
    }
  }
}
