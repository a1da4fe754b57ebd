package dev.mmcheck.engine;

/**
 * Thrown inside a model thread to unwind it when its execution ends early (deadlock,
 * violation, bound). Model code must not catch {@link Error}s; if it does, the next
 * scheduling point throws this again.
 */
final class AbortSignal extends Error {
  static final AbortSignal INSTANCE = new AbortSignal();

  private AbortSignal() {
    super("execution aborted", null, false, false);
  }
}
