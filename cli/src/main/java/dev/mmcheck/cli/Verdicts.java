package dev.mmcheck.cli;

import dev.mmcheck.engine.Bound;
import dev.mmcheck.config.Expectation;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;

/** How a {@link Result} maps to an exit code, and whether it meets an {@code expect}. */
public final class Verdicts {
  private Verdicts() {}

  /** 0 verified, 1 violation, 3 bound reached, 4 model error (see {@link ExitCodes}). */
  public static int exitCode(Result r) {
    return switch (r) {
      case Result.Verified v -> ExitCodes.VERIFIED;
      case Result.ViolationsFound f -> ExitCodes.VIOLATION;
      case Result.BoundReached b -> b.boundsHit().contains(Bound.INTERRUPTED) ? ExitCodes.INTERRUPTED : ExitCodes.BOUND;
      case Result.ModelError e -> ExitCodes.MODEL_ERROR;
    };
  }

  /**
   * Whether {@code r} is what {@code e} expects: {@code verified} = {@link Result.Verified};
   * {@code bound} = {@link Result.BoundReached}; {@code violation P} = violations found, one of
   * them of property {@code P}; {@code deadlock} = {@code violation deadlock}. A model error
   * never matches.
   */
  public static boolean matches(Expectation e, Result r) {
    return switch (e) {
      case Expectation.Verified v -> r instanceof Result.Verified;
      case Expectation.BoundReached b -> r instanceof Result.BoundReached;
      case Expectation.Violation v -> hasViolation(r, v.property());
      case Expectation.Deadlock d -> hasViolation(r, "deadlock");
    };
  }

  private static boolean hasViolation(Result r, String property) {
    if (!(r instanceof Result.ViolationsFound f)) {
      return false;
    }
    for (Counterexample c : f.violations()) {
      if (c.violation().property().equals(property)) {
        return true;
      }
    }
    return false;
  }
}
