package dev.mmcheck.cli;

import dev.mmcheck.engine.Checker;
import java.io.PrintStream;

/**
 * Ctrl-C (SIGINT) during a search: the first one asks the running search to stop after its
 * current execution ({@link Checker.Control#interrupt}), so the report is printed with the
 * statistics so far and the verdict "not exhaustive: interrupted", {@code report.json} is
 * written if asked, and the process exits with {@link ExitCodes#INTERRUPTED}; a second Ctrl-C
 * exits at once. Uses {@code sun.misc.Signal} (module jdk.unsupported); where it is not
 * available the JVM's default handling (exit without a report) remains.
 */
final class Interrupts {
  private Interrupts() {}

  static void onInterrupt(Checker.Control control, PrintStream err) {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sig -> {
        if (control.interrupted()) {
          err.println("mmcheck: interrupted again, exiting without a report");
          Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
        }
        err.println("mmcheck: interrupted: finishing the current execution (Ctrl-C again to quit at once)");
        control.interrupt();
      });
    } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
      // no signal handling here: Ctrl-C ends the JVM as usual
    }
  }
}
