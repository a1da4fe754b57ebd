package dev.mmcheck.model;

import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.Sched;

/**
 * Kernel-global state shared by every mm of a scenario: the big kernel lock and memory
 * pressure.
 *
 * <p>The BKL is Linux 2.2 {@code lock_kernel()} (include/asm-i386/smplock.h): a recursive spinning
 * lock its holder loses whenever it sleeps ({@code schedule()} calls
 * {@code release_kernel_lock()} and {@code reacquire_kernel_lock()}). That is exactly the
 * engine's {@link GiantLock}: a contended {@code down()}, {@link #schedule} and a GFP_KERNEL
 * allocation that has to wait all release it for the sleep and take it back on wake-up. Seed
 * 002: "Page stealers hold kernel_lock to protect against a bunch of races"; the 2.2.1 system
 * calls that take it are listed in {@link Discipline#syscallsTakeBkl}.
 *
 * <p>Memory pressure ({@link #setDirectReclaim}) models 2.2.1 mm/vmscan.c
 * {@code try_to_free_pages()}: an allocation that must wait runs {@code do_try_to_free_pages()}
 * itself ("direct reclaim", with {@code __GFP_WAIT}).
 *
 * <p>Not thread-safe: used by model threads one at a time. All state is per execution (a new
 * {@code Kernel} is built by every scenario setup).
 */
public final class Kernel {
  /** {@code kernel_flag}: the BKL. */
  public final GiantLock kernelLock = new GiantLock("kernel_lock");
  /**
   * {@code tasklist_lock}, reduced to what the stealer needs: it picks a victim mm through a live
   * task ({@code p->mm}) under it, and exit clears {@code tsk->mm} under it before {@code mmput}.
   */
  public final dev.mmcheck.engine.SpinLock tasklistLock = new dev.mmcheck.engine.SpinLock("tasklist_lock");
  /** The task list: each task's {@code ->mm} (null once it exited); setup adds tasks. */
  private final java.util.List<dev.mmcheck.engine.Cell<MmStruct>> tasks = new java.util.ArrayList<>();

  /** Setup: a task named {@code name} using {@code mm}; returns its {@code ->mm} cell. */
  public dev.mmcheck.engine.Cell<MmStruct> addTask(String name, MmStruct mm) {
    dev.mmcheck.engine.Cell<MmStruct> c = new dev.mmcheck.engine.Cell<>(name + ".mm", mm);
    tasks.add(c);
    return c;
  }

  /** The task list's {@code ->mm} cells, in order (fixed after setup). */
  public java.util.List<dev.mmcheck.engine.Cell<MmStruct>> tasks() {
    return java.util.Collections.unmodifiableList(tasks);
  }
  private DirectReclaim directReclaim;

  /** What an allocating task does itself under memory pressure ({@code do_try_to_free_pages}). */
  @FunctionalInterface
  public interface DirectReclaim {
    /** Runs the stealer in the allocating task; may sleep, take vmlist locks, return anything. */
    void run();
  }

  /** {@code lock_kernel()}: recursive per task, as in 2.2. */
  public void lockKernel() {
    kernelLock.lock();
  }

  /** {@code unlock_kernel()}. */
  public void unlockKernel() {
    kernelLock.unlock();
  }

  /** True if the running model thread holds the BKL (not a scheduling point). */
  public boolean holdsKernelLock() {
    return kernelLock.heldByCurrentThread();
  }

  /**
   * A real sleep ({@code schedule()} after starting I/O): the BKL, if held, is dropped for the
   * sleep and re-taken on wake-up ({@link Sched#sleep}). {@code why} appears in the trace.
   */
  public void schedule(String why) {
    Sched.sleep(why);
  }

  /**
   * Setup: memory is low and an allocation runs {@code reclaim} itself, as 2.2.1
   * {@code try_to_free_pages(gfp_mask)} does when {@code gfp_mask & __GFP_WAIT} (it also wakes
   * kswapd, which the scenarios that need it run as a thread of their own).
   */
  public void setDirectReclaim(DirectReclaim reclaim) {
    this.directReclaim = reclaim;
  }

  /**
   * A GFP_KERNEL allocation ({@code kmem_cache_alloc(SLAB_KERNEL)}, {@code __get_free_page}).
   * Without memory pressure it is explored as a sleep (it may sleep in 2.2, and sleeping drops
   * the BKL; treating every such allocation as a sleep over-approximates the interleavings,
   * which can only add counterexamples, each of them feasible when the allocation does sleep).
   * Under memory pressure ({@link #setDirectReclaim}) it is a {@code might_sleep()} (reported
   * under a spinlock) followed by the stealer run in the allocating task; whether that freed a
   * page or not, the allocation returns (a second attempt or a failure is not modelled).
   */
  public void allocate(String what) {
    if (directReclaim == null) {
      Sched.sleep(what);
      return;
    }
    Sched.mightSleep(what);
    directReclaim.run();
  }
}
