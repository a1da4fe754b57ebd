package dev.mmcheck.engine;

import java.util.List;

/**
 * A property violation. Serialisable (a cluster member sends it to the submitter).
 *
 * @param property the property's short name
 * @param message one line saying what broke
 * @param details further lines (witness stacks, the wait-for cycle, ...)
 * @param eventIndex index of the event at which it was reported, -1 if before any event
 * @param thread name of the thread running when it was reported
 * @param lockCycle for a lock-order cycle, its structured witness (reports print it
 *     lockdep-style); null otherwise
 */
public record Violation(String property, String message, List<String> details, int eventIndex, String thread,
    LockCycle lockCycle) implements java.io.Serializable {
  public Violation {
    details = List.copyOf(details);
  }

  /** A violation without a lock cycle. */
  public Violation(String property, String message, List<String> details, int eventIndex, String thread) {
    this(property, message, details, eventIndex, thread, null);
  }

  /** What makes two violations "the same" in multiple-errors mode. */
  public String key() {
    return property + ": " + message;
  }
}
