package dev.mmcheck.cli;

import java.util.List;

/**
 * The process exit codes of {@code mmcheck}, documented in {@code cli/README.md} and
 * {@code --help}. With several files the command exits with the worst code, in the order of
 * {@link #SEVERITY} (a config error is worse than a model error, which is worse than an
 * unexpected verdict, a violation, a bound, success).
 */
public final class ExitCodes {
  /** Verified: the search was exhaustive and found no violation. */
  public static final int VERIFIED = 0;
  /** A property was violated. */
  public static final int VIOLATION = 1;
  /** Bad usage or bad configuration (including an unreadable schedule file). */
  public static final int USAGE = 2;
  /** A bound cut the search and no violation was found: not exhaustive. */
  public static final int BOUND = 3;
  /** Model error: nondeterminism, divergence from a replayed schedule, engine failure. */
  public static final int MODEL_ERROR = 4;
  /** With {@code --check-expect}: a verdict differs from the config's {@code expect}. */
  public static final int UNEXPECTED = 5;
  /**
   * The cluster could not run the search: no member reachable at the given addresses, every
   * member left, or a member could not run its part (e.g. a class path missing there).
   */
  public static final int CLUSTER = 6;
  /**
   * The search was interrupted (Ctrl-C): the report shows what was explored so far, not
   * exhaustive. 128 + SIGINT, as a shell reports a process ended by Ctrl-C.
   */
  public static final int INTERRUPTED = 130;

  /** From least to most severe. */
  static final List<Integer> SEVERITY = List.of(VERIFIED, BOUND, VIOLATION, UNEXPECTED, MODEL_ERROR, CLUSTER,
      USAGE, INTERRUPTED);

  private ExitCodes() {}

  /** The more severe of two codes. */
  public static int worst(int a, int b) {
    return SEVERITY.indexOf(a) >= SEVERITY.indexOf(b) ? a : b;
  }
}
