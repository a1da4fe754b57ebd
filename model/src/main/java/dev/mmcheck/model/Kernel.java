package dev.mmcheck.model;

import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Sched;

/**
 * Kernel-global state shared by every mm of a scenario: the big kernel lock. Linux 2.2
 * {@code lock_kernel()} is a spinning lock that its holder may keep across a sleep: the
 * scheduler drops it in {@code schedule()} and re-takes it on wake-up
 * ({@code release_kernel_lock}/{@code reacquire_kernel_lock}). It is modelled as a
 * {@link Mutex} named {@code kernel_lock} plus {@link #schedule}, which drops and re-takes it
 * around a sleep. Seed 002: "Page stealers hold kernel_lock to protect against a bunch of races".
 */
public final class Kernel {
  /** {@code kernel_flag}: the BKL. */
  public final Mutex kernelLock = new Mutex("kernel_lock");
  /**
   * Memory pressure, or null: when set, a GFP_KERNEL allocation wakes kswapd
   * ({@link #kswapdWake}) and waits until it has freed a page ({@link #memoryFreed}), as 2.2
   * {@code __get_free_pages} -> {@code try_to_free_pages} does.
   */
  private Completion kswapdWake;
  private Completion memoryFreed;
  private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);

  /** {@code lock_kernel()} (recursive per task, as in 2.2). */
  public void lockKernel() {
    if (depth.get()[0]++ == 0) {
      kernelLock.lock();
    }
  }

  /** {@code unlock_kernel()}. */
  public void unlockKernel() {
    if (--depth.get()[0] == 0) {
      kernelLock.unlock();
    }
  }

  /** True if the running model thread holds the BKL. */
  public boolean holdsKernelLock() {
    return depth.get()[0] > 0;
  }

  /**
   * A sleep ({@code schedule()} after I/O or a GFP_KERNEL allocation): drops the BKL if held,
   * sleeps, re-takes it. {@code why} appears in the trace.
   */
  public void schedule(String why) {
    boolean bkl = holdsKernelLock();
    if (bkl) {
      kernelLock.unlock();
    }
    Sched.mightSleep(why);
    if (bkl) {
      kernelLock.lock();
    }
  }

  /** Setup: memory is low, so allocations wait for kswapd. */
  public void setLowMemory() {
    kswapdWake = new Completion("kswapd_wait");
    memoryFreed = new Completion("memory_freed");
  }

  /** kswapd's side of low memory: wait to be woken (returns at once if memory is not low). */
  public void kswapdWaitForWork() {
    if (kswapdWake != null) {
      kswapdWake.waitForCompletion();
    }
  }

  /** kswapd's side of low memory: a page was freed. */
  public void kswapdFreedMemory() {
    if (memoryFreed != null) {
      memoryFreed.completeAll();
    }
  }

  /**
   * A GFP_KERNEL allocation ({@code kmem_cache_alloc}, {@code __get_free_page}): may sleep; under
   * memory pressure it wakes kswapd and sleeps until kswapd freed memory (page stealing).
   */
  public void allocate(String what) {
    if (kswapdWake == null) {
      Sched.mightSleep(what);
      return;
    }
    kswapdWake.complete();
    memoryFreed.waitForCompletion();
  }
}
