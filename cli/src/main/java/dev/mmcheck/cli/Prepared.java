package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

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
 * @param freshListeners makes a new set of the config's properties and listeners (like
 *     {@code listeners}), for each search of a run ({@link Checker#withListenerFactory}:
 *     minimisation re-searches, necessity analysis)
 */
public record Prepared(Path file, Config config, Scenario scenario, String title, List<Listener> listeners,
    SearchOptions options, Supplier<List<Listener>> freshListeners) {
  public Prepared {
    listeners = List.copyOf(listeners);
  }

  /** Without a factory: every search shares {@code listeners}. */
  public Prepared(Path file, Config config, Scenario scenario, String title, List<Listener> listeners,
      SearchOptions options) {
    this(file, config, scenario, title, listeners, options, null);
  }

  /**
   * A checker for this run, with {@code extra} listeners (e.g. progress) added. Its first search
   * uses {@link #listeners()}; further searches of the same checker (minimisation, necessity)
   * and the other workers of a parallel search ({@code search.workers} &gt; 1) get fresh ones from
   * {@link #freshListeners()} when there is a factory. A parallel search shares the
   * {@code extra} listeners between its workers, so they must then be thread-safe
   * ({@link ProgressListener} is).
   *
   * @throws IllegalStateException for a parallel search without a factory
   */
  public Checker checker(List<? extends Listener> extra) {
    boolean parallel = options.workers() > 1;
    if (freshListeners == null) {
      if (parallel) {
        throw new IllegalStateException("search.workers = " + options.workers() + " needs fresh listeners per worker");
      }
      return Checker.of(scenario).with(listeners).with(extra).options(options);
    }
    boolean[] first = {true};
    java.util.function.Supplier<List<Listener>> make = () -> {
      List<Listener> ls;
      if (first[0]) {
        first[0] = false;
        ls = listeners;
      } else {
        ls = freshListeners.get();
      }
      if (!parallel) {
        return ls;
      }
      List<Listener> all = new java.util.ArrayList<>(ls);
      all.addAll(extra);
      return all;
    };
    Checker c = Checker.of(scenario).withListenerFactory(make).options(options);
    return parallel ? c : c.with(extra);
  }
}
