package dev.mmcheck.cli.cluster;

/**
 * The cluster cannot run the search: no member reachable at the addresses given, every member
 * left, or a member could not run its part. The message names the addresses; the command exits
 * with {@link dev.mmcheck.cli.ExitCodes#CLUSTER} and prints no stack trace.
 */
public final class ClusterUnavailableException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public ClusterUnavailableException(String message, String hint) {
    super(message);
    this.hint = hint;
  }

  /** What to try, one line. */
  public String hint() {
    return hint;
  }
}
