package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Catalog;
import java.util.List;

/** Registers the example scenarios under short names (see the package documentation). */
public final class ExamplesCatalog implements Catalog {
  @Override
  public List<Entry> scenarios() {
    return List.of(
        new Entry("abba", Abba.class, "example: two mutexes taken in opposite orders (deadlocks)"),
        new Entry("abba-ordered", AbbaOrdered.class, "example: two mutexes taken in one order (verified)"),
        new Entry("uaf", UseAfterFreeRace.class,
            "example: lookup without the lock races with a free (use after free)"),
        new Entry("uaf-locked", UseAfterFreeLocked.class,
            "example: lookup and use under the lock (verified)"),
        new Entry("philosophers", Philosophers.class, "example: dining philosophers (deadlock unless ordered)",
            List.of(
                new Param(Philosophers.N, "number of philosophers", List.of("2", "3", "4", "5"), "3"),
                new Param(Philosophers.ORDERED, "take the lower-numbered fork first",
                    List.of("false", "true"), "false"))),
        new Entry("two-locks", TwoLocks.class,
            "example for necessity: one lock protects the data, the other is redundant (verified)"),
        new Entry("covering-locks", CoveringLocks.class,
            "example for necessity --pairs: two locks that cover for each other (verified)"),
        new Entry("recheck", Recheck.class, "example for necessity: a re-check after a sleep, with or without a lock"
            + " (verified)", List.of(new Param(Recheck.LOCKED, "hold fault_lock around the fault",
                List.of("false", "true"), "false"))));
  }
}
