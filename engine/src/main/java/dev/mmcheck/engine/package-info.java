/**
 * The mmcheck engine: a controlled scheduler for model threads, primitives with kernel
 * semantics, and stateless exhaustive exploration with dynamic partial-order reduction. It
 * knows nothing about Linux mm.
 *
 * <h2>For model authors</h2>
 *
 * A {@link dev.mmcheck.engine.Scenario} builds shared state and registers threads; thread
 * bodies are ordinary Java code that touches shared state only through the runtime:
 *
 * <ul>
 *   <li>{@link dev.mmcheck.engine.Cell}: a shared field; every get/set is a scheduling point.
 *   <li>{@link dev.mmcheck.engine.Tracked}: an object with a lifetime (a VMA); its fields are
 *       cells; use after {@link dev.mmcheck.engine.Tracked#free()} is a violation.
 *   <li>Primitives: {@link dev.mmcheck.engine.Semaphore}, {@link dev.mmcheck.engine.RwSemaphore}
 *       (writer preference), {@link dev.mmcheck.engine.Mutex},
 *       {@link dev.mmcheck.engine.SpinLock}, {@link dev.mmcheck.engine.BitLock} (page lock),
 *       {@link dev.mmcheck.engine.SeqCount}, {@link dev.mmcheck.engine.Completion},
 *       {@link dev.mmcheck.engine.Rcu}. Each has an instance name and a lock class.
 *   <li>{@link dev.mmcheck.engine.Sched}: {@code choose(n)}, {@code yieldNow()},
 *       {@code mightSleep(why)}, {@code spawn}, {@code check(cond, msg)},
 *       {@code recheck(name, condition)} (a re-check the necessity analysis can remove).
 * </ul>
 *
 * <pre>{@code
 * final class Vma extends Tracked {
 *   final Cell<Long> start = cell("vm_start", 0x1000L);
 *   Vma(String name) { super(name); }
 * }
 *
 * Scenario faultVsMunmap = w -> {
 *   Semaphore mmapSem = new Semaphore("mm.mmap_sem", 1);
 *   Cell<Vma> list = new Cell<>("mm.mmap", new Vma("vma1"));
 *   w.thread("fault", () -> {
 *     Vma v = list.get();          // find_vma() without mmap_sem: the 1998 bug
 *     if (v != null) v.start.get();
 *   });
 *   w.thread("munmap", () -> {
 *     mmapSem.down();
 *     Vma v = list.get();
 *     list.set(null);
 *     v.free();
 *     mmapSem.up();
 *   });
 * };
 * Result r = Checker.of(faultVsMunmap).with(new UseAfterFree()).run();
 * switch (r) {
 *   case Result.Verified v -> System.out.println("verified: " + v.statistics());
 *   case Result.ViolationsFound f -> System.out.println(TextReport.render(f, ...));
 *   case Result.BoundReached b -> System.out.println("not exhaustive: " + b.boundsHit());
 *   case Result.ModelError e -> System.out.println("model error: " + e.message());
 * }
 * }</pre>
 *
 * <h2>For property authors</h2>
 *
 * Implement {@link dev.mmcheck.engine.Property} plus the small listener interfaces whose
 * events you need ({@link dev.mmcheck.engine.LockListener},
 * {@link dev.mmcheck.engine.ObjectListener}, ...), and call
 * {@link dev.mmcheck.engine.ExecutionContext#report}. The built-in properties in
 * {@code dev.mmcheck.engine.props} are examples.
 *
 * <h2>Is this lock needed?</h2>
 *
 * {@link dev.mmcheck.engine.Necessity} removes each lock acquisition {@link dev.mmcheck.engine.Site}
 * (and each {@code Sched.recheck} guard) a verified search executed, one at a time (or in pairs),
 * and re-runs the search: {@link dev.mmcheck.engine.NecessityReport} says which are load-bearing.
 * The removal is done by the engine ({@link dev.mmcheck.engine.SiteAnalysis}, attached with
 * {@link dev.mmcheck.engine.Checker#withSiteAnalysis}), not by editing the model.
 * {@link dev.mmcheck.engine.SearchOptions#minimize()} makes a search report the counterexample with
 * the fewest preemptions ({@link dev.mmcheck.engine.Minimization}).
 *
 * <p>Everything not public here is the runtime's business: {@code Execution} (the
 * scheduler), {@code Explorer} (the search loop), {@code Dpor}, {@code Op}/{@code OpCode} (the
 * dependency relation).
 */
package dev.mmcheck.engine;
