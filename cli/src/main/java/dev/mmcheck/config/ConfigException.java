package dev.mmcheck.config;

import java.util.Optional;

/**
 * The one user-facing configuration error: bad syntax, missing or cyclic includes, unknown keys or
 * names, ill-typed values, undefined variables. The CLI prints {@link #format()} (never a stack
 * trace) and exits with {@link #EXIT_CODE}.
 *
 * <p>{@link #getMessage()} is {@code "<origin>: <detail>"}, e.g. {@code x.jpf:5: search.time_limit:
 * expected a duration like 30s, got 'soon'}, or just the detail when the origin is not known yet
 * (e.g. thrown by a {@link NameResolver}; the caller then attaches one with {@link #at(Origin)}).
 */
public final class ConfigException extends RuntimeException {

  /** Process exit code for configuration errors. */
  public static final int EXIT_CODE = 2;

  private static final long serialVersionUID = 1L;

  private final String detail;
  private final transient Origin origin;
  private final String hint;

  /**
   * @param origin where the problem is, or {@code null} if not known (yet)
   * @param detail the precise problem, without origin prefix
   * @param hint how to fix it, or {@code null}
   */
  public ConfigException(Origin origin, String detail, String hint) {
    super(origin == null ? detail : origin + ": " + detail);
    this.origin = origin;
    this.detail = detail;
    this.hint = hint;
  }

  public ConfigException(Origin origin, String detail) {
    this(origin, detail, null);
  }

  /** The problem without the origin prefix. */
  public String detail() {
    return detail;
  }

  /** Where the problem is; empty if not attached yet. */
  public Optional<Origin> origin() {
    return Optional.ofNullable(origin);
  }

  /** A suggestion on how to fix it; empty if none. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  /** Always {@link #EXIT_CODE}. */
  public int exitCode() {
    return EXIT_CODE;
  }

  /**
   * This error with {@code origin} attached, unless it already has one (then {@code this}).
   */
  public ConfigException at(Origin origin) {
    if (this.origin != null) {
      return this;
    }
    ConfigException e = new ConfigException(origin, detail, hint);
    e.initCause(getCause());
    return e;
  }

  /** The message for the terminal: {@code "error: <message>"} plus a {@code "  hint: ..."} line. */
  public String format() {
    return "error: " + getMessage() + (hint == null ? "" : System.lineSeparator() + "  hint: " + hint);
  }
}
