package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Violation;
import dev.mmcheck.engine.report.ScheduleJson;
import dev.mmcheck.engine.report.TextReport;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mmcheck replay <schedule.json> [+key=value ...]}: rebuilds the run from the file's
 * {@code meta} (or from {@code --config}), re-runs exactly the saved interleaving
 * ({@link dev.mmcheck.engine.Checker#replay}) and prints its trace. Exit 1 when the saved
 * violation is reproduced; 4 when the model diverged from the schedule, ran it without the
 * violation, or showed a different one; 2 for an unreadable file or bad config.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
    description = {"Re-run a counterexample saved with report.json and print its trace.",
        "Says clearly when the model no longer follows the schedule (exit 4)."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"1:the saved violation was reproduced", "2:unreadable schedule file or bad config",
        "4:the model diverged from the schedule, or the violation did not reproduce"})
final class ReplayCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(index = "0", paramLabel = "<schedule.json>", description = "a file written by report.json")
  Path file;

  @Parameters(index = "1..*", paramLabel = "+key=value", description = "overrides of the saved config")
  List<String> overrides = new ArrayList<>();

  @Option(names = "--config", paramLabel = "<file.jpf>",
      description = "use this config instead of the one saved in the schedule's meta")
  Path config;

  ReplayCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    PrintStream out = env.out();
    PrintStream err = env.err();
    ScheduleJson.Saved saved;
    try {
      saved = ScheduleJson.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      err.println("error: " + file + ": not UTF-8 text, so not a schedule written by report.json");
      return ExitCodes.USAGE;
    } catch (IOException e) {
      err.println("error: cannot read " + file + ": " + e.getMessage());
      return ExitCodes.USAGE;
    } catch (ScheduleJson.BadScheduleException e) {
      err.println("error: " + file + ": " + withoutLibraryAdvice(e.getMessage()));
      err.println("  hint: replay reads the files that report.json writes; was this one edited or cut short?");
      return ExitCodes.USAGE;
    }
    String bad = badStep(saved.schedule());
    if (bad != null) {
      err.println("error: " + file + ": " + bad);
      err.println("  hint: replay reads the files that report.json writes; was this one edited or cut short?");
      return ExitCodes.USAGE;
    }
    Prepared p;
    try {
      List<String> all = new ArrayList<>();
      if (config == null) {
        all.addAll(Runner.overridesFromMeta(saved.schedule().meta()));
        if (all.isEmpty()) {
          err.println("error: " + file + " holds no config in its meta (was it written by the Java API?)");
          err.println("  hint: pass the config it came from: mmcheck replay --config <file.jpf> " + file);
          return ExitCodes.USAGE;
        }
      }
      all.addAll(overrides);
      Runner runner = new Runner(env.catalogs());
      Config c = runner.load(config, all);
      p = runner.prepare(config, c);
    } catch (ConfigException e) {
      err.println(e.format());
      return ExitCodes.USAGE;
    }
    if (!p.scenario().name().equals(saved.schedule().scenario())) {
      err.println("warning: the schedule was recorded for scenario '" + saved.schedule().scenario()
          + "', replaying it on '" + p.scenario().name() + "'");
    }
    out.println("replaying " + file + " (" + saved.schedule().steps().size() + " steps) on " + p.title());
    Violation expected = saved.violation();
    Result r = p.checker(List.of()).replay(saved.schedule());
    return switch (r) {
      case Result.ViolationsFound f -> reproduced(f, expected, out, err);
      case Result.ModelError e -> {
        out.println(e.message());
        if (e.context() != null) {
          out.println(TextReport.RULE + " trace up to the divergence");
          out.print(TextReport.trace(e.context()));
        }
        err.println("error: the model diverged from the schedule in " + file
            + " (the model changed since it was saved, or it is nondeterministic)");
        yield ExitCodes.MODEL_ERROR;
      }
      case Result.Verified v -> {
        err.println("error: the schedule ran to its end without the saved violation " + expected.property()
            + " \"" + expected.message() + "\": the model diverged (it changed since the file was saved)");
        yield ExitCodes.MODEL_ERROR;
      }
      case Result.BoundReached b -> {
        err.println("error: the replay was cut by a bound: " + TextReport.verdict(b));
        yield ExitCodes.MODEL_ERROR;
      }
    };
  }

  /** The first malformed step of {@code s}, described with its number, or null if all are well formed. */
  static String badStep(dev.mmcheck.engine.Schedule s) {
    for (int i = 0; i < s.steps().size(); i++) {
      dev.mmcheck.engine.Schedule.Step st = s.steps().get(i);
      if (st.thread() < 0) {
        return "step " + i + ": thread " + st.thread() + " is not a thread number";
      }
      if (st.threadName() == null || st.threadName().isBlank()) {
        return "step " + i + ": no thread name";
      }
      if (st.op() == null || st.op().isBlank()) {
        return "step " + i + ": no operation";
      }
      if (st.choice() < -1) {
        return "step " + i + ": choice " + st.choice() + " is not a choice value (-1 when there is none)";
      }
    }
    return null;
  }

  /**
   * A JSON library's message without its advice to programmers: Gson says "Use
   * JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON" and adds a line "See
   * https://github.com/google/gson/...", neither of which a user of mmcheck can act on.
   */
  static String withoutLibraryAdvice(String message) {
    if (message == null) {
      return "unreadable";
    }
    return message
        .replaceAll("Use JsonReader\\.set\\w+\\([^)]*\\)(\\))? to accept malformed JSON", "malformed JSON")
        .replaceAll("(?s)\\s*See https?://\\S*gson\\S*", "")
        .replaceAll("com\\.google\\.gson\\.(\\w+\\.)*", "")
        .strip();
  }

  private int reproduced(Result.ViolationsFound f, Violation expected, PrintStream out, PrintStream err) {
    boolean same = false;
    for (int i = 0; i < f.violations().size(); i++) {
      Counterexample c = f.violations().get(i);
      out.print(TextReport.counterexample(i + 1, c, true, true));
      same |= c.violation().key().equals(expected.key());
    }
    if (same) {
      out.println("replay reproduced the saved violation: " + expected.property() + " \"" + expected.message() + "\"");
      return ExitCodes.VIOLATION;
    }
    err.println("error: the replay shows a different violation than the file records (" + expected.property()
        + " \"" + expected.message() + "\"): the model diverged");
    return ExitCodes.MODEL_ERROR;
  }
}
