package dev.mmcheck.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point of the engine: explores every interleaving of a {@link Scenario} and checks
 * properties on each.
 *
 * <pre>{@code
 * Result r = Checker.of(new Abba())
 *     .properties(List.of(new DeadlockFreedom()))
 *     .options(SearchOptions.defaults().withMaxExecutions(10_000))
 *     .run();
 * }</pre>
 *
 * <p>A checker is a reusable, immutable description; {@link #run} and {@link #replay} may be
 * called several times (property instances are shared, so give fresh ones per run if they
 * keep state). Model threads run on virtual threads, one at a time; the search itself runs on
 * a virtual thread while the calling thread watches for a model thread that never reaches a
 * scheduling point ({@link SearchOptions#stallTimeout()}).
 */
public final class Checker {
  private final Scenario scenario;
  private final List<Listener> listeners;
  private final SearchOptions options;

  private Checker(Scenario scenario, List<Listener> listeners, SearchOptions options) {
    this.scenario = Objects.requireNonNull(scenario);
    this.listeners = List.copyOf(listeners);
    this.options = Objects.requireNonNull(options);
  }

  /** A checker with no properties (add some) and default options. */
  public static Checker of(Scenario scenario) {
    return new Checker(scenario, List.of(), SearchOptions.defaults());
  }

  /** Adds listeners and properties (a {@link Property} is a listener). */
  public Checker with(Listener... more) {
    List<Listener> all = new ArrayList<>(listeners);
    all.addAll(List.of(more));
    return new Checker(scenario, all, options);
  }

  /** Adds listeners and properties. */
  public Checker with(List<? extends Listener> more) {
    List<Listener> all = new ArrayList<>(listeners);
    all.addAll(more);
    return new Checker(scenario, all, options);
  }

  public Checker options(SearchOptions o) {
    return new Checker(scenario, listeners, o);
  }

  public SearchOptions options() {
    return options;
  }

  /** Explores the scenario. Never throws for model misbehaviour: see {@link Result.ModelError}. */
  public Result run() {
    Explorer explorer = new Explorer(scenario, options, new Dispatch(listeners));
    return supervise(explorer::explore, explorer);
  }

  /**
   * Re-runs one recorded schedule with this checker's listeners and properties. The result
   * is {@link Result.ViolationsFound} if a property fires (its trace rebuilt from the
   * schedule), {@link Result.ModelError} if the model diverges from the schedule, else
   * {@link Result.Verified} (one execution, no violation).
   */
  public Result replay(Schedule schedule) {
    long start = System.nanoTime();
    return supervise(() -> {
      Execution ex = new Execution(new Replayer(schedule), new Dispatch(listeners), 1, options.depthLimit(), false,
          new ThreadIds(), !options.multipleErrors());
      ExecutionEnd end = ex.run(scenario);
      Statistics st = new Statistics(1, end == ExecutionEnd.COMPLETED ? 1 : 0, end == ExecutionEnd.DEADLOCK ? 1 : 0,
          0, 0, ex.violations.size(), ex.eventCount(), ex.eventCount(), (System.nanoTime() - start) / 1_000_000, 0);
      if (end == ExecutionEnd.MODEL_ERROR) {
        return new Result.ModelError(ex.errorMessage,
            Replayer.capture(scenario, schedule, options.depthLimit(), null, end, 1), st);
      }
      if (ex.violations.isEmpty()) {
        return new Result.Verified(st);
      }
      List<Counterexample> cs = new ArrayList<>();
      for (Violation v : ex.violations) {
        cs.add(Replayer.capture(scenario, schedule, options.depthLimit(), v, end, 1));
      }
      return new Result.ViolationsFound(cs, List.of(), st);
    }, null);
  }

  private interface Search {
    Result run();
  }

  private Result supervise(Search search, Explorer explorer) {
    AtomicReference<Result> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread t = Thread.ofVirtual().name("mmcheck-explorer").start(() -> {
      try {
        result.set(search.run());
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    Duration stall = options.stallTimeout();
    long lastEvents = -1;
    Execution lastEx = null;
    long lastChange = System.nanoTime();
    try {
      while (!t.join(Duration.ofMillis(200))) {
        if (explorer == null) {
          continue;
        }
        Execution ex = explorer.currentExecution;
        long ev = ex == null ? -1 : ex.eventCount();
        if (ex != lastEx || ev != lastEvents) {
          lastEx = ex;
          lastEvents = ev;
          lastChange = System.nanoTime();
        } else if (ex != null && System.nanoTime() - lastChange > stall.toNanos()) {
          return stalled(ex, explorer);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result.ModelError("interrupted", null, explorer == null ? null : explorer.statistics());
    }
    if (failure.get() != null) {
      Throwable e = failure.get();
      return new Result.ModelError("engine failure: " + e, null, explorer == null ? null : explorer.statistics());
    }
    return result.get();
  }

  private Result stalled(Execution ex, Explorer explorer) {
    ModelThread running = ex.running();
    StringBuilder where = new StringBuilder();
    if (running != null) {
      for (StackTraceElement f : running.baton.thread.getStackTrace()) {
        if (ModelFrames.isModelFrame(f.getClassName())) {
          where.append("\n    at ").append(f);
        }
      }
    }
    return new Result.ModelError("model thread '" + (running == null ? "?" : running.name)
        + "' ran for more than " + options.stallTimeout().toSeconds()
        + " s without reaching a scheduling point (an infinite loop that touches no shared state?)" + where,
        null, explorer.statistics());
  }
}
