package dev.mmcheck.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the {@code mmcheck} command (run by the {@code ./mmcheck} launcher). Never
 * prints a stack trace for bad input: configuration errors are {@code error: file:line: ...}
 * plus a hint (exit 2); an unexpected internal failure prints one line (exit 4) and its stack
 * trace only when the environment variable {@code MMCHECK_DEBUG} is set.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args, Env.system());
    System.out.flush();
    System.exit(code);
  }

  /** Runs the command line {@code args}; returns the exit code. Used by tests too. */
  public static int run(String[] args, Env env) {
    CommandLine cmd = commandLine(env);
    return cmd.execute(args);
  }

  static CommandLine commandLine(Env env) {
    CommandLine cmd = new CommandLine(new CheckCommand(env));
    cmd.addSubcommand("replay", new ReplayCommand(env));
    cmd.addSubcommand("necessity", new NecessityCommand(env));
    cmd.addSubcommand("list", new ListCommand(env));
    cmd.addSubcommand("keys", new KeysCommand(env));
    cmd.addSubcommand("cluster-member", new ClusterMemberCommand(env));
    PrintWriter out = new PrintWriter(env.out(), true);
    PrintWriter err = new PrintWriter(env.err(), true);
    cmd.setOut(out);
    cmd.setErr(err);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.setOut(out);
      sub.setErr(err);
    }
    cmd.setParameterExceptionHandler((e, a) -> {
      env.err().println("error: " + e.getMessage());
      CommandLine c = e.getCommandLine();
      env.err().println("  hint: see mmcheck " + (c.getParent() == null ? "" : c.getCommandName() + " ")
          + "--help");
      return ExitCodes.USAGE;
    });
    cmd.setExecutionExceptionHandler((e, c, parsed) -> {
      PrintStream es = env.err();
      es.println("error: internal error: " + e);
      if (System.getenv("MMCHECK_DEBUG") != null) {
        e.printStackTrace(es);
      } else {
        es.println("  hint: set MMCHECK_DEBUG=1 to see the stack trace, and please report it");
      }
      return ExitCodes.MODEL_ERROR;
    });
    return cmd;
  }
}
