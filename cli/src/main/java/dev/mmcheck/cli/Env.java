package dev.mmcheck.cli;

import java.io.PrintStream;

/**
 * What every subcommand shares: where to print, the merged catalogs, and whether stderr is a
 * terminal (the launcher passes {@code -Dmmcheck.stderr.tty=true} when it is, which turns
 * progress lines on by default).
 *
 * @param out the report stream (stdout)
 * @param err errors, warnings and progress (stderr)
 * @param catalogs every registered scenario, property and listener name
 * @param stderrIsTerminal show progress without {@code --progress}
 */
public record Env(PrintStream out, PrintStream err, Catalogs catalogs, boolean stderrIsTerminal) {
  /** The real process: stdout, stderr, catalogs from the class path. */
  public static Env system() {
    return new Env(System.out, System.err, Catalogs.load(), Boolean.getBoolean("mmcheck.stderr.tty"));
  }
}
