package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Necessity;
import dev.mmcheck.engine.NecessityReport;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.report.HtmlReport;
import dev.mmcheck.engine.report.NecessityJson;
import dev.mmcheck.engine.report.NecessityText;
import dev.mmcheck.engine.report.ReportOptions;
import dev.mmcheck.engine.report.ResultJson;
import dev.mmcheck.engine.report.TextReport;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmcheck necessity <file.jpf> [+key=value ...]}: the lock-necessity analysis
 * ({@link Necessity}) of one config: the baseline search records every lock acquisition site and
 * {@code Sched.recheck} guard it executes, then one search per site runs with that site removed by
 * the engine; the table says which are load-bearing. {@code --pairs} also removes pairs of
 * individually redundant sites (at most {@code --max-pairs}). The table goes to stdout (as
 * Markdown with {@code --markdown}); {@code report.necessity} (or {@code --json}) writes it as
 * JSON, {@code report.html} the HTML report of the baseline with the table in it, and
 * {@code report.json} the baseline's JSON report. The config's {@code expect} is not checked.
 *
 * <p>Exit codes: 0 analysed (the baseline verified exhaustively); 3 analysed, but the baseline
 * was cut by a bound (so "redundant" means "no violation within those bounds"); 1 or 4 the
 * baseline found a violation or a model error, so there is nothing to analyse (it is printed);
 * 2 bad usage or config; 130 interrupted.
 */
@Command(name = "necessity", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
    description = {"Is this lock needed? Removes each lock acquisition (and Sched.recheck guard) the search",
        "executes, one at a time, re-runs the search, and prints which are load-bearing.",
        "The config must verify."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:analysed; the baseline search verified exhaustively",
        "1:the baseline found a violation: nothing to analyse (the violation is printed)",
        "2:bad usage or configuration",
        "3:analysed, but a bound cut the baseline search: 'redundant' holds within the bounds",
        "4:the baseline ended in a model error",
        "130:interrupted (Ctrl-C): the table so far is printed"})
final class NecessityCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "<file.jpf | +key=value>", arity = "1..*",
      description = "one config file, and +key=value overrides")
  List<String> args = new ArrayList<>();

  @Option(names = "--pairs", description = "also remove pairs of individually redundant sites together")
  boolean pairs;

  @Option(names = "--max-pairs", paramLabel = "N", defaultValue = "100",
      description = "with --pairs, try at most N pairs, in site order (default: ${DEFAULT-VALUE}); the output says"
          + " when the bound cut them")
  int maxPairs;

  @Option(names = "--frames", paramLabel = "N", defaultValue = "1",
      description = "model stack frames that make a site's location (default: ${DEFAULT-VALUE}: the acquire call;"
          + " 2 tells apart the callers of a lock helper such as lockKernel())")
  int frames;

  @Option(names = "--json", paramLabel = "FILE", description = "write the analysis as JSON (as report.necessity)")
  Path json;

  @Option(names = "--markdown", description = "print the tables as Markdown instead of the console table")
  boolean markdown;

  @Option(names = "--traces", description = "print the counterexample of every load-bearing site")
  boolean traces;

  @Option(names = {"-q", "--quiet"}, description = "no progress lines on stderr")
  boolean quiet;

  NecessityCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintStream out = env.out();
    PrintStream err = env.err();
    Path file = null;
    List<String> overrides = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("+")) {
        overrides.add(a);
      } else if (file == null) {
        file = Path.of(a);
      } else {
        err.println("error: necessity analyses one config at a time, got " + file + " and " + a);
        err.println("  hint: mmcheck necessity <file.jpf> [+key=value ...]");
        return ExitCodes.USAGE;
      }
    }
    if (frames < 1 || maxPairs < 0) {
      err.println("error: --frames must be at least 1 and --max-pairs at least 0");
      return ExitCodes.USAGE;
    }
    Runner runner = new Runner(env.catalogs());
    Prepared p;
    try {
      p = runner.prepare(file, runner.load(file, overrides));
    } catch (ConfigException e) {
      err.println(e.format());
      return ExitCodes.USAGE;
    }
    Checker.Control control = new Checker.Control();
    Interrupts.onInterrupt(control, err);
    Checker checker = p.checker(List.of());
    NecessityReport r = Necessity.run(checker, new Necessity.Options(frames, pairs, maxPairs), control,
        line -> {
          if (!quiet) {
            err.println("necessity: " + line);
          }
        });
    String name = file == null ? "(command line)" : file.toString();
    out.println("necessity of " + p.title() + " (" + name + ")");
    if (!r.analysed()) {
      out.print(TextReport.render(r.baseline(), ReportWriter.options(p)));
    }
    out.print(markdown ? NecessityText.markdown(r, false) : NecessityText.render(r, false));
    if (traces) {
      int n = 0;
      for (NecessityReport.Row row : r.rows()) {
        if (row.verdict() instanceof NecessityReport.Verdict.Needed needed) {
          out.println("---- without " + NecessityText.sites(row));
          out.print(TextReport.counterexample(++n, needed.counterexample(), true, true));
        }
      }
      for (NecessityReport.Row row : r.pairs()) {
        if (row.verdict() instanceof NecessityReport.Verdict.Needed needed) {
          out.println("---- without " + NecessityText.sites(row));
          out.print(TextReport.counterexample(++n, needed.counterexample(), true, true));
        }
      }
    }
    try {
      files(p, r, out);
    } catch (ConfigException e) {
      err.println(e.format());
      return ExitCodes.USAGE;
    }
    if (r.interrupted() || control.interrupted()) {
      return ExitCodes.INTERRUPTED;
    }
    return switch (r.baseline()) {
      case Result.Verified v -> ExitCodes.VERIFIED;
      case Result.BoundReached b -> ExitCodes.BOUND;
      case Result.ViolationsFound f -> ExitCodes.VIOLATION;
      case Result.ModelError e -> ExitCodes.MODEL_ERROR;
    };
  }

  private void files(Prepared p, NecessityReport r, PrintStream out) {
    Config c = p.config();
    String necessity = json != null ? json.toString() : c.get(ConfigKeys.REPORT_NECESSITY);
    if (!necessity.isEmpty()) {
      Path f = ReportWriter.write(c, json != null ? "--json" : ConfigKeys.REPORT_NECESSITY.name(), necessity,
          NecessityJson.write(r, p.title(), false));
      out.println("necessity report written to " + f);
    }
    ReportOptions ro = ReportOptions.all(p.title(), c.effectiveLines(true));
    String html = c.get(ConfigKeys.REPORT_HTML);
    if (!html.isEmpty()) {
      Path f = ReportWriter.write(c, ConfigKeys.REPORT_HTML.name(), html, HtmlReport.render(r.baseline(), ro, r));
      out.println("HTML report written to " + f);
    }
    String baselineJson = c.get(ConfigKeys.REPORT_JSON);
    if (!baselineJson.isEmpty()) {
      Outcome o = new Outcome(p, r.baseline());
      Path f = ReportWriter.write(c, ConfigKeys.REPORT_JSON.name(), baselineJson,
          ResultJson.write(r.baseline(), ro, null, ReportWriter.runInfo(o)));
      out.println("baseline report written to " + f);
    }
  }
}
