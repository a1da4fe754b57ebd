package dev.mmcheck.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a configuration value (or an error) comes from: a file and line, a file as a whole, the
 * command line, or the schema default.
 *
 * @param source the file as displayed to the user (as given, normalized), or {@code "command line"}
 *     / {@code "default"}
 * @param line 1-based line number, or {@code 0} when the origin is not a line
 */
public record Origin(String source, int line) {

  private static final Origin COMMAND_LINE = new Origin("command line", 0);
  private static final Origin DEFAULT = new Origin("default", 0);

  public Origin {
    Objects.requireNonNull(source, "source");
    if (line < 0) {
      throw new IllegalArgumentException("line < 0: " + line);
    }
  }

  /** A line of a file; {@code line == 0} means the file as a whole. */
  public static Origin of(Path file, int line) {
    return new Origin(display(file), line);
  }

  /** The whole file (no line number). */
  public static Origin of(Path file) {
    return of(file, 0);
  }

  /** A {@code +key=value} command-line override. */
  public static Origin commandLine() {
    return COMMAND_LINE;
  }

  /** The schema default of a key that was not set. */
  public static Origin defaults() {
    return DEFAULT;
  }

  public boolean isCommandLine() {
    return equals(COMMAND_LINE);
  }

  public boolean isDefault() {
    return equals(DEFAULT);
  }

  /** Displays a path the way the user gave it, normalized ({@code a/./b/../c.jpf} -> {@code a/c.jpf}). */
  static String display(Path file) {
    String s = file.normalize().toString();
    return s.isEmpty() ? "." : s;
  }

  /** {@code file:line}, {@code file}, {@code command line} or {@code default}. */
  @Override
  public String toString() {
    return line > 0 ? source + ":" + line : source;
  }
}
