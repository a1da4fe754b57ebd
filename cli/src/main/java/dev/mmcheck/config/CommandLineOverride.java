package dev.mmcheck.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A JPF-style command-line override: {@code +key=value} sets (replacing file values),
 * {@code +key+=value} appends to a list. Overrides are applied after the file and its includes, in
 * command-line order, so they win over any file value.
 *
 * @param key the key, without the leading {@code +}
 * @param value the unexpanded value, trimmed (may be empty)
 * @param append {@code true} for {@code +key+=value}
 */
public record CommandLineOverride(String key, String value, boolean append) {

  /** Characters allowed in a key: letters, digits, {@code . _ -}. */
  static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.\\-]+");

  public CommandLineOverride {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  /** Whether a command-line argument is meant as an override (starts with {@code +}). */
  public static boolean isOverride(String arg) {
    return arg.startsWith("+");
  }

  /**
   * Parses {@code +key=value} or {@code +key+=value}.
   *
   * @throws ConfigException (origin: command line) if {@code arg} is not of that form
   */
  public static CommandLineOverride parse(String arg) {
    String hint = "overrides look like +search.multiple_errors=true or +listener+=name";
    if (!isOverride(arg)) {
      throw new ConfigException(
          Origin.commandLine(), "malformed override '" + arg + "' (expected +key=value)", hint);
    }
    int eq = arg.indexOf('=');
    if (eq < 0) {
      throw new ConfigException(
          Origin.commandLine(), "malformed override '" + arg + "' (expected +key=value)", hint);
    }
    String key = arg.substring(1, eq).trim();
    boolean append = key.endsWith("+");
    if (append) {
      key = key.substring(0, key.length() - 1).trim();
    }
    if (key.startsWith("@")) {
      throw new ConfigException(
          Origin.commandLine(),
          "directive '" + key + "' is not allowed on the command line",
          "put @include / @using in a .jpf file");
    }
    if (!KEY.matcher(key).matches()) {
      throw new ConfigException(
          Origin.commandLine(), "malformed override '" + arg + "' (expected +key=value)", hint);
    }
    return new CommandLineOverride(key, arg.substring(eq + 1).trim(), append);
  }

  /** Back to command-line form. */
  @Override
  public String toString() {
    return "+" + key + (append ? "+=" : "=") + value;
  }
}
