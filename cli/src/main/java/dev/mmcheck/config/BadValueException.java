package dev.mmcheck.config;

/**
 * Thrown by {@link ValueType#parse} when a text is not a valid value. {@link #expected()} says what
 * was expected ({@code "a duration like 30s"}); {@link Config} adds key, text and origin.
 */
public final class BadValueException extends Exception {

  private static final long serialVersionUID = 1L;

  /** @param expected what a valid value looks like, e.g. {@code "a duration like 30s"} */
  public BadValueException(String expected) {
    super(expected);
  }

  /** What a valid value looks like. */
  public String expected() {
    return getMessage();
  }
}
