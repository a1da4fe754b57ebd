package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Property;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmcheck <file.jpf>... [+key=value ...]}: runs each file (overrides apply to all, in
 * order) through {@link Runner}. One file: the full report, then a summary line. Several files:
 * a summary line each ({@code --reports} adds the full reports). The exit code is the worst of
 * the runs ({@link ExitCodes#worst}). Progress goes to stderr unless {@code --quiet}
 * ({@link ProgressListener}); {@code --junit-xml} also writes a JUnit XML report ({@link JunitXml}).
 * {@code --jobs N} runs up to N of the files at once ({@link ConcurrentRuns}) with the same
 * output in the same order. With only overrides and no file, runs the config the overrides make
 * ({@code mmcheck +target=abba}).
 */
@Command(name = "mmcheck", mixinStandardHelpOptions = true, version = "mmcheck 0.1.0",
    sortOptions = false, usageHelpAutoWidth = true,
    description = {
        "Exhaustive interleaving checker for Linux address-space locking.",
        "Runs each .jpf config file and prints a Java PathFinder-style report.",
        "",
        "  mmcheck <file.jpf>... [+key=value ...]  run configs (overrides apply to all)",
        "  mmcheck replay <schedule.json>          re-run a saved counterexample",
        "  mmcheck necessity <file.jpf> [--pairs]  which locks and re-checks are load-bearing",
        "  mmcheck list [<file.jpf>]               scenarios, properties, listeners",
        "  mmcheck keys [<file.jpf>]               the documented config keys",
        "  mmcheck --cluster h:p,... <file.jpf>    the exhaustive search on cluster members",
        "  mmcheck cluster-member [--port P]       run a cluster member",
        "",
        "A config's 'expect' (verified | violation <property> | deadlock | bound) is",
        "compared with the verdict: the summary line ends with '[expect ...: ok]' or",
        "'[UNEXPECTED: expected ...]'. The exit code is the verdict's own (a mismatch",
        "does not change it) unless --check-expect is given.",
        ""},
    exitCodeListHeading = "%nExit codes (several files: the worst, in the order 2 > 6 > 4 > 5 > 1 > 3 > 0):%n",
    exitCodeList = {
        "0:verified: the search was exhaustive and found no violation",
        "1:a property was violated",
        "2:bad usage or configuration (file:line and a hint on stderr)",
        "3:a bound cut the search and no violation was found (not exhaustive)",
        "4:model error: nondeterminism, a replay that diverged, engine failure",
        "5:with --check-expect: a verdict differs from its 'expect' (matches exit 0)",
        "6:--cluster: no member reachable, every member left, or one could not run its part"})
final class CheckCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "<file.jpf | +key=value>", arity = "0..*",
      description = "config files to run, and +key=value / +key+=value overrides (JPF style)")
  List<String> args = new ArrayList<>();

  @Option(names = {"-q", "--quiet"}, description = "no progress on stderr (by default: a live line on a terminal,"
      + " a plain line every 5 s otherwise, and the first violation as soon as it is found)")
  boolean quiet;

  @Option(names = "--progress", hidden = true, description = "progress on stderr (the default; kept for old scripts)")
  boolean progress;

  @Option(names = "--no-progress", hidden = true, description = "same as --quiet")
  boolean noProgress;

  @Option(names = "--junit-xml", paramLabel = "FILE", description = "also write a JUnit XML report: one test case"
      + " per config, failing on exit 1, 3 or 5 (with the trace), an error on exit 2 or 4; for CI with --check-expect")
  Path junitXml;

  @Option(names = "--check-expect", description = "exit 0 when every verdict matches its config's"
      + " 'expect', 5 when one does not (configs without 'expect' keep their verdict's code)")
  boolean checkExpect;

  @Option(names = "--reports", description = "with several files, print each full report too")
  boolean reports;

  @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "with several files, run up to N configs at"
      + " once (default 1); output stays in the files' order, progress is off")
  int jobs = 1;

  @Option(names = "--cluster", paramLabel = "HOST:PORT", split = ",", description = "run the exhaustive search"
      + " (search.strategy = exhaustive) on these mmcheck cluster members (comma separated; see mmcheck cluster-member);"
      + " as the key cluster.members")
  List<String> cluster = new ArrayList<>();

  CheckCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    List<Path> files = new ArrayList<>();
    List<String> overrides = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("+")) {
        overrides.add(a);
      } else {
        files.add(Path.of(a));
      }
    }
    if (files.isEmpty() && overrides.isEmpty()) {
      env.err().println("error: no config file given");
      env.err().println("  hint: mmcheck <file.jpf> [+key=value ...]; see mmcheck --help, mmcheck list");
      return ExitCodes.USAGE;
    }
    if (files.isEmpty()) {
      files.add(null);
    }
    if (files.size() > 1) {
      try {
        OutputClash.check(files, overrides);
      } catch (ConfigException e) {
        env.err().println(e.format());
        return ExitCodes.USAGE;
      }
    }
    if (jobs < 1) {
      env.err().println("error: --jobs must be at least 1, not " + jobs);
      return ExitCodes.USAGE;
    }
    boolean full = files.size() == 1 || reports;
    int concurrent = Math.min(jobs, files.size());
    Runner runner = new Runner(env.catalogs());
    VirtualThreads.atLeast(concurrent * maxWorkers(runner, files, overrides));
    Checker.Control control = new Checker.Control();
    Interrupts.onInterrupt(control, env.err());
    int worst = ExitCodes.VERIFIED;
    JunitXml.Collector junit = junitXml == null ? null : new JunitXml.Collector(checkExpect);
    ConcurrentRuns runs = concurrent > 1 ? new ConcurrentRuns(concurrent) : null;
    try {
      List<java.util.function.Supplier<Done>> pending = new ArrayList<>();
      for (Path file : files) {
        pending.add(runs == null
            ? () -> runOne(file, overrides, runner, control, full, true, env.out(), env.err())
            : runs.submit((out, err) -> runOne(file, overrides, runner, control, full, false, out, err), env));
      }
      for (int i = 0; i < files.size(); i++) {
        Done d = pending.get(i).get();
        if (junit != null) {
          if (d.configError() != null) {
            junit.addConfigError(files.get(i), d.configError(), d.seconds());
          } else {
            junit.add(files.get(i), d.outcome(), d.code(), d.seconds());
          }
        }
        worst = ExitCodes.worst(worst, d.code());
        if (control.interrupted()) {
          worst = ExitCodes.INTERRUPTED;
          break;
        }
      }
    } finally {
      if (runs != null) {
        runs.close();
      }
    }
    if (junit != null) {
      try {
        junit.write(junitXml);
        env.out().println("JUnit XML report written to " + junitXml);
      } catch (java.io.IOException | RuntimeException e) {
        env.err().println("error: --junit-xml: cannot write " + junitXml + ": " + e.getMessage());
        worst = ExitCodes.worst(worst, ExitCodes.USAGE);
      }
    }
    return worst;
  }

  /** One config's result: its exit code, and its outcome or its config error. */
  record Done(int code, Outcome outcome, String configError, double seconds) {}

  /** Runs one config, printing its report and summary line to {@code out}, errors to {@code err}. */
  private Done runOne(Path file, List<String> overrides, Runner runner, Checker.Control control, boolean full,
      boolean withProgress, java.io.PrintStream out, java.io.PrintStream err) {
    String name = file == null ? "(command line)" : file.toString();
    long t0 = System.nanoTime();
    try {
      Prepared p = runner.prepare(file, runner.load(file, overrides));
      List<String> members = cluster.isEmpty() ? p.config().get(dev.mmcheck.config.ConfigKeys.CLUSTER_MEMBERS) : cluster;
      dev.mmcheck.cli.cluster.ClusterSearch.Report onCluster = null;
      Outcome o;
      if (members.isEmpty()) {
        o = new Outcome(p, p.checker(withProgress ? extraListeners(p) : List.of()).run(control));
      } else {
        try {
          onCluster = dev.mmcheck.cli.cluster.ClusterSearch.run(p, members, control,
              withProgress && !quiet && !noProgress ? err : null);
        } catch (dev.mmcheck.cli.cluster.ClusterUnavailableException e) {
          err.println("error: " + e.getMessage());
          err.println("  hint: " + e.hint());
          if (!full) {
            out.println(name + ": cluster error (see above)");
          }
          return new Done(ExitCodes.CLUSTER, null, e.getMessage(), (System.nanoTime() - t0) / 1e9);
        }
        o = new Outcome(p, onCluster.result());
      }
      if (full) {
        ReportWriter.console(o, out);
      }
      if (onCluster != null) {
        out.println(onCluster.line());
      }
      String writeError = null;
      try {
        ReportWriter.files(o, out);
      } catch (ConfigException e) {
        writeError = e.format(); // the verdict stands: report it first, then the failed write
      }
      out.println(name + ": " + o.summary());
      int code = o.exitCode(checkExpect);
      if (writeError != null) {
        err.println(writeError);
      }
      return new Done(code, o, null, (System.nanoTime() - t0) / 1e9);
    } catch (ConfigException e) {
      err.println(e.format());
      if (!full) {
        out.println(name + ": config error (see above)");
      }
      return new Done(ExitCodes.USAGE, null, e.format(), (System.nanoTime() - t0) / 1e9);
    }
  }

  /** Progress on stderr unless {@code --quiet}: live on a terminal, plain lines otherwise. */
  /** The largest {@code search.workers} of the configs; a config that does not load counts 1 (its error comes later). */
  private static int maxWorkers(Runner runner, List<Path> files, List<String> overrides) {
    int max = 1;
    for (Path file : files) {
      try {
        max = Math.max(max, runner.load(file, overrides).get(dev.mmcheck.config.ConfigKeys.SEARCH_WORKERS));
      } catch (RuntimeException e) {
        // a config that does not load is reported when it runs
      }
    }
    return max;
  }

  private List<Listener> extraListeners(Prepared p) {
    if (quiet || noProgress) {
      return List.of();
    }
    ProgressListener.Mode mode = env.stderrIsTerminal() ? ProgressListener.Mode.LIVE : ProgressListener.Mode.LINES;
    boolean deadlock = p.listeners().stream().anyMatch(l -> l instanceof Property q && q.name().equals("deadlock"));
    return List.of(ProgressListener.forCli(env.err(), mode, deadlock));
  }
}
