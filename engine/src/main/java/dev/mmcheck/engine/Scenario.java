package dev.mmcheck.engine;

/**
 * A scenario: the initial state plus the threads to run. Model authors implement this.
 *
 * <pre>{@code
 * public final class Abba implements Scenario {
 *   public void setup(World w) {
 *     Mutex a = new Mutex("A"), b = new Mutex("B");
 *     w.thread("t1", () -> { a.lock(); b.lock(); b.unlock(); a.unlock(); });
 *     w.thread("t2", () -> { b.lock(); a.lock(); a.unlock(); b.unlock(); });
 *   }
 * }
 * }</pre>
 *
 * <p>Contract: {@link #setup} is called once per explored execution, on a fresh runtime, and
 * must build all shared state anew (primitives, cells, tracked objects) and be deterministic:
 * the same calls in the same order every time. Setup code runs before any thread and is not
 * explored (its cell reads and writes are not scheduling points). Thread bodies must reach
 * shared state only through the runtime's primitives and cells; plain Java fields shared
 * between threads are invisible to the checker.
 */
public interface Scenario {
  void setup(World world);

  /** Name shown in reports; by default the class's simple name. */
  default String name() {
    return getClass().getSimpleName();
  }
}
