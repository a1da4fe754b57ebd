package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated config turned into engine objects, ready to run: fresh scenario, property and
 * listener instances (properties may keep state across executions, so never share them
 * between runs).
 *
 * @param file the config file, or {@code null} when built from overrides only (replay)
 * @param config the validated configuration
 * @param scenario the scenario instance, parameters applied
 * @param title the report title, e.g. {@code abba (dev.mmcheck.engine.examples.Abba)}
 * @param listeners the properties then the listeners named by the config
 * @param options the {@code search.*} settings
 */
public record Prepared(Path file, Config config, Scenario scenario, String title, List<Listener> listeners,
    SearchOptions options) {
  public Prepared {
    listeners = List.copyOf(listeners);
  }

  /** A checker for this run, with {@code extra} listeners (e.g. progress) added. */
  public Checker checker(List<? extends Listener> extra) {
    return Checker.of(scenario).with(listeners).with(extra).options(options);
  }
}
