package dev.mmcheck.engine;

import java.util.List;
import java.util.Objects;

/**
 * The events of a counterexample whose order the violation depends on, found by
 * {@link Rule}s applied to the replayed trace (first rule that applies wins):
 *
 * <ol>
 *   <li>{@link Rule#DEADLOCK_CYCLE}: the execution deadlocked on a wait-for cycle. For each edge
 *       of the cycle, the event at which the thread waited for took the lock
 *       it holds (its last acquisition of it), or took its rwsem ticket (its last request) if it
 *       is only queued ahead. For the classic ABBA these are the two first acquisitions; each
 *       races with the other thread's blocked attempt.
 *   <li>{@link Rule#FREE_THEN_USE}: the violating event touches a {@link Tracked} object that
 *       another thread freed earlier: the latest such free, then the violating event.
 *   <li>{@link Rule#LOCK_ORDER}: a {@code lock-order} violation at an acquisition: the
 *       reporting thread's acquisition of the held lock named in the cycle (else of its most
 *       recently taken held lock), then the violating acquisition.
 *   <li>{@link Rule#LAST_RACE}: the last pair of dependent events of different threads at or
 *       before the violating event (latest second event first, then latest first event), in
 *       the dependency relation DPOR uses (same object and one writes, or a free against a use
 *       of the freed object), skipping release-then-acquire pairs of one lock, which no
 *       schedule can reverse (DPOR looks at the previous acquisition instead).
 * </ol>
 *
 * <p>This approximates "the race DPOR reversed to reach this execution" without keeping the
 * search's backtracking history.
 *
 * @param events event indices, ascending; at least one (two for every rule but
 *     {@link Rule#DEADLOCK_CYCLE}, which has one per cycle edge, fewer if edges share an event)
 * @param rule which rule found them
 */
public record Conflict(List<Integer> events, Rule rule) {
  /** How the events were chosen. */
  public enum Rule {
    DEADLOCK_CYCLE("where the threads of the wait-for cycle took what the others wait for"),
    FREE_THEN_USE("the free and the later use of the freed object"),
    LOCK_ORDER("the acquisition of the held lock, then the acquisition that inverts the order"),
    LAST_RACE("the last pair of conflicting events of different threads before the violation");

    private final String description;

    Rule(String description) {
      this.description = description;
    }

    /** One line for reports. */
    public String description() {
      return description;
    }
  }

  public Conflict {
    events = List.copyOf(events);
    Objects.requireNonNull(rule);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a conflict needs at least one event");
    }
  }

  /** True if {@code index} is one of the events. */
  public boolean contains(int index) {
    return events.contains(index);
  }
}
