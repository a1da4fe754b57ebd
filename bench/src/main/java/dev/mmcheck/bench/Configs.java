package dev.mmcheck.bench;

import dev.mmcheck.cli.Catalogs;
import dev.mmcheck.cli.Prepared;
import dev.mmcheck.cli.Runner;
import dev.mmcheck.config.Config;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario configs ({@code .jpf}) loaded the way the CLI loads them, for the harnesses: one
 * parse, a fresh scenario and fresh properties for every search.
 */
final class Configs {
  private static final Runner RUNNER = new Runner(Catalogs.load());

  private Configs() {}

  /** A config file with command-line style overrides ({@code search.max_executions=1000}). */
  record Loaded(Path file, Config config) {
    /** Fresh engine objects for one search. */
    Prepared prepare() {
      return RUNNER.prepare(file, config);
    }

    /** A checker with fresh properties, plus {@code extra} listeners. */
    Checker checker(List<? extends Listener> extra) {
      return prepare().checker(extra);
    }

    /** The config's {@code search.properties}, as written. */
    String properties() {
      return config.raw("search.properties").orElse("");
    }
  }

  /** Loads {@code file} with {@code key=value} overrides (a leading {@code +} is optional). */
  static Loaded load(String file, List<String> overrides) {
    Path p = Path.of(file);
    List<String> plus = overrides.stream().map(o -> o.startsWith("+") ? o : "+" + o).toList();
    return new Loaded(p, RUNNER.load(p, plus));
  }
}
