package dev.mmcheck.config;

import java.util.Locale;
import java.util.Objects;

/**
 * The outcome a configuration declares with {@code expect = ...}, so a run can be checked against
 * it: {@code verified}, {@code violation <property-name>}, {@code deadlock} or {@code bound}.
 */
public sealed interface Expectation {

  /** The accepted forms, for messages. */
  String FORMS = "'verified', 'violation <property-name>', 'deadlock', 'bound'";

  /** No error found within the search (the whole space was explored). */
  record Verified() implements Expectation {
    @Override
    public String toString() {
      return "verified";
    }
  }

  /** The named property is violated. */
  record Violation(String property) implements Expectation {
    public Violation {
      Objects.requireNonNull(property, "property");
    }

    @Override
    public String toString() {
      return "violation " + property;
    }
  }

  /** A deadlock is found. */
  record Deadlock() implements Expectation {
    @Override
    public String toString() {
      return "deadlock";
    }
  }

  /** The search stops at a bound (depth, executions, time, preemptions) without finding an error. */
  record BoundReached() implements Expectation {
    @Override
    public String toString() {
      return "bound";
    }
  }

  /**
   * Parses one of the forms (keywords are case-insensitive, blanks are free).
   *
   * @throws BadValueException naming the forms
   */
  static Expectation parse(String text) throws BadValueException {
    String[] words = text.strip().split("\\s+");
    String head = words[0].toLowerCase(Locale.ROOT);
    if (words.length == 1) {
      switch (head) {
        case "verified":
          return new Verified();
        case "deadlock":
          return new Deadlock();
        case "bound":
          return new BoundReached();
        default:
          break;
      }
    }
    if (words.length == 2 && head.equals("violation")) {
      return new Violation(words[1]);
    }
    throw new BadValueException("one of " + FORMS);
  }
}
