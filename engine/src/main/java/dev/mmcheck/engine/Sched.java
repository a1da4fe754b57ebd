package dev.mmcheck.engine;

/**
 * Scheduling-level operations for model code, in the spirit of JPF's {@code Verify}.
 * Call only from model threads (or, for {@link #spawn}, setup).
 */
public final class Sched {
  private Sched() {}

  /**
   * A nondeterministic choice in {@code [0, n)} (JPF's {@code Verify.getInt(0, n-1)}): every
   * value is explored. {@code n} must be the same whenever the model reaches this point with
   * the same history.
   */
  public static int choose(int n) {
    if (n <= 0) {
      throw new IllegalArgumentException("choose(" + n + "): need at least one alternative");
    }
    if (n == 1) {
      return 0;
    }
    return (Integer) Execution.current().step(new Op(OpCode.CHOOSE, null, n));
  }

  /** A nondeterministic boolean. */
  public static boolean chooseBoolean() {
    return choose(2) == 1;
  }

  /** An explicit scheduling point that touches nothing shared. */
  public static void yieldNow() {
    Execution.current().step(new Op(OpCode.YIELD, null, null));
  }

  /**
   * The kernel may sleep here ({@code might_sleep()}: I/O, memory allocation with
   * GFP_KERNEL, ...). A violation if the thread holds a spinlock or is in an RCU read section.
   * {@code why} is shown in the trace.
   */
  public static void mightSleep(String why) {
    Execution.current().step(new Op(OpCode.SLEEP, null, why));
  }

  /**
   * The thread sleeps here ({@code schedule()} after starting I/O, a GFP_KERNEL allocation that
   * had to wait): like {@link #mightSleep}, and in addition every {@link GiantLock} the thread
   * holds is released for the sleep and re-taken before it continues, so other threads may run
   * their giant-locked code in between.
   */
  public static void sleep(String why) {
    Execution e = Execution.current();
    ModelThread me = e.running();
    Op op = new Op(OpCode.SLEEP, null, why);
    if (me == null || me.giants.isEmpty()) {
      e.step(op);
    } else {
      e.sleepWithoutGiants(me, () -> e.step(op));
    }
  }

  /** Starts a new model thread from a model thread; it is explored like the others. */
  public static void spawn(String name, Runnable body) {
    Execution e = Execution.current();
    e.step(new Op(OpCode.SPAWN, null, name));
    e.spawn(name, body);
  }

  /** Name of the model thread running this code. */
  public static String threadName() {
    ModelThread t = Execution.current().running();
    return t == null ? "setup" : t.name;
  }

  /**
   * Marks a re-check (a guard) so that the necessity analysis can remove it. Model code that
   * re-validates what it saw before sleeping wraps the condition,
   *
   * <pre>{@code
   * if (Sched.recheck("swap_in: pte changed while sleeping", () -> !entry.equals(pt.get()))) {
   *   return;
   * }
   * }</pre>
   *
   * and gets {@code changed.getAsBoolean()} back. When the guard is <em>removed</em> (a
   * {@link SiteAnalysis} attached to the search lists {@link Site#guard}{@code (name, location)}
   * among its removed sites) it returns false without calling {@code changed}: the code behaves
   * as if the re-check were deleted, its reads included, and it always found nothing changed.
   * Not itself a scheduling point (the reads {@code changed} makes are). {@code name}
   * identifies the guard in tables (use one name per re-check); the site's location is the
   * calling model frame.
   */
  public static boolean recheck(String name, java.util.function.BooleanSupplier changed) {
    Execution e = Execution.current();
    SiteRun s = e.sites;
    if (s != null && e.running() != null && s.guardRemoved(name)) {
      return false;
    }
    return changed.getAsBoolean();
  }

  /**
   * As {@link #recheck(String, java.util.function.BooleanSupplier)} for a condition the caller
   * has already evaluated: when the guard is removed it returns false, but the reads made to
   * compute {@code changed} have happened (they remain events, and properties that reason about
   * reads see them). Prefer the supplier form, which removes the reads too.
   */
  public static boolean recheck(String name, boolean changed) {
    return recheck(name, () -> changed);
  }

  /**
   * Reports a violation of the built-in {@code assertion} property if {@code condition} is
   * false (JPF's {@code assert} in model code). Not a scheduling point.
   */
  public static void check(boolean condition, String message) {
    if (!condition) {
      Execution.current().assertionFailed(message);
    }
  }
}
