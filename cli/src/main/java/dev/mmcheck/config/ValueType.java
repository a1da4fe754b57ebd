package dev.mmcheck.config;

/**
 * How the text of a key is turned into a typed value. Implementations are immutable; the built-in
 * ones are in {@link ValueTypes}. Scenarios may write their own for their {@link Namespace} keys.
 *
 * @param <T> the value type; values are never {@code null}
 */
public interface ValueType<T> {

  /**
   * Parses a value.
   *
   * @param text the value as written, variables expanded, trimmed; may be empty
   * @throws BadValueException if {@code text} is not a valid value
   */
  T parse(String text) throws BadValueException;

  /** Back to text, so that {@code parse(format(v))} equals {@code v}. */
  String format(T value);

  /** Short name for documentation, e.g. {@code "duration"}, {@code "one of: dpor, exhaustive"}. */
  String describe();

  /**
   * Checks names in a parsed value against {@code resolver} (e.g. property or listener names).
   * Default: nothing to check.
   *
   * @throws ConfigException (without origin) if a name is unknown
   */
  default void checkNames(T value, NameResolver resolver) {}
}
