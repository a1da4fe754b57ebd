package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Sched;

/**
 * Shared data for the lock-necessity examples: a critical section that reports a violation of
 * the built-in {@code assertion} property if two threads are inside it at once. Entering reads
 * and writes a cell, so an unprotected overlap is an interleaving the checker explores.
 */
public final class CriticalSection {
  private final Cell<Integer> inside;

  /** Creates the section's cell; call from {@code Scenario.setup}. */
  public CriticalSection(String name) {
    this.inside = new Cell<>(name, 0);
  }

  /** Enters, checks that nobody else is inside, leaves. */
  public void run() {
    int n = inside.get();
    Sched.check(n == 0, "two threads in the critical section " + inside.name());
    inside.set(n + 1);
    inside.set(inside.get() - 1);
  }
}
