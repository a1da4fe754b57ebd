package dev.mmcheck.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Entry point of the engine: explores every interleaving of a {@link Scenario} and checks
 * properties on each.
 *
 * <pre>{@code
 * Result r = Checker.of(new Abba())
 *     .with(new DeadlockFreedom())
 *     .options(SearchOptions.defaults().withMaxExecutions(10_000))
 *     .run();
 * }</pre>
 *
 * <p>A checker is a reusable, immutable description; {@link #run} and {@link #replay} may be
 * called several times (property instances are shared, so give fresh ones per run if they
 * keep state). Model threads run on virtual threads, one at a time; the search itself runs on
 * a virtual thread while the calling thread watches for a model thread that never reaches a
 * scheduling point ({@link SearchOptions#stallTimeout()}). Such a thread cannot be stopped
 * (Java has no way to stop a virtual thread that never parks): the search returns a model
 * error, but the thread keeps its carrier busy, so a JVM that hit this should exit (the CLI does).
 */
public final class Checker {
  private final Scenario scenario;
  private final List<Listener> listeners;
  private final SearchOptions options;
  /** Listeners made anew per search and per worker, or null. */
  private final Supplier<? extends List<? extends Listener>> factory;
  /** Site recording and removal, or null. */
  private final SiteAnalysis sites;

  private Checker(Scenario scenario, List<Listener> listeners, SearchOptions options,
      Supplier<? extends List<? extends Listener>> factory, SiteAnalysis sites) {
    this.scenario = Objects.requireNonNull(scenario);
    this.listeners = List.copyOf(listeners);
    this.options = Objects.requireNonNull(options);
    this.factory = factory;
    this.sites = sites;
  }

  /** A checker with no properties (add some) and default options. */
  public static Checker of(Scenario scenario) {
    return new Checker(scenario, List.of(), SearchOptions.defaults(), null, null);
  }

  /**
   * Adds listeners and properties (a {@link Property} is a listener). These instances are shared
   * by every search this checker runs, so they suit stateless properties; a property that keeps
   * state across executions belongs in {@link #withListenerFactory}.
   */
  public Checker with(Listener... more) {
    List<Listener> all = new ArrayList<>(listeners);
    all.addAll(List.of(more));
    return new Checker(scenario, all, options, factory, sites);
  }

  /** Adds listeners and properties; see {@link #with(Listener...)}. */
  public Checker with(List<? extends Listener> more) {
    List<Listener> all = new ArrayList<>(listeners);
    all.addAll(more);
    return new Checker(scenario, all, options, factory, sites);
  }

  /**
   * Listeners and properties made anew for every search this checker runs, and for every worker
   * of a parallel search: {@link #run} calls {@code make} once for its search (once per worker
   * when {@link SearchOptions#workers()} &gt; 1) and once for each minimisation re-search
   * ({@link SearchOptions#minimize()}), so that properties that keep state across executions
   * ({@code lock-order}'s graph) start empty each time and no instance sees two executions at
   * once. Workers of one search share state through {@link ExecutionContext#searchShared}. The
   * made listeners come before those given to {@link #with}. {@code make} may be called on any
   * thread, but never concurrently with itself.
   */
  public Checker withListenerFactory(Supplier<? extends List<? extends Listener>> make) {
    return new Checker(scenario, listeners, options, Objects.requireNonNull(make), sites);
  }

  /**
   * Records the sites the search executes and removes those {@code analysis} lists (see
   * {@link SiteAnalysis}; also applies to {@link #replay}). Without one, no stack is walked.
   */
  public Checker withSiteAnalysis(SiteAnalysis analysis) {
    return new Checker(scenario, listeners, options, factory, Objects.requireNonNull(analysis));
  }

  public Checker options(SearchOptions o) {
    return new Checker(scenario, listeners, o, factory, sites);
  }

  public SearchOptions options() {
    return options;
  }

  /** The site analysis attached with {@link #withSiteAnalysis}, or null. */
  public SiteAnalysis siteAnalysis() {
    return sites;
  }

  /**
   * A handle to stop a running search from another thread (the CLI's Ctrl-C handler). The
   * search ends after the current execution with {@link Bound#INTERRUPTED}: its result has the
   * statistics so far and is not exhaustive. Thread-safe.
   */
  public static final class Control {
    private volatile boolean interrupted;

    /** Asks the search to stop after the current execution. */
    public void interrupt() {
      interrupted = true;
    }

    public boolean interrupted() {
      return interrupted;
    }
  }

  /** Explores the scenario. Never throws for model misbehaviour: see {@link Result.ModelError}. */
  public Result run() {
    return run(new Control());
  }

  /**
   * Explores the scenario; {@code control} may stop it early. With
   * {@link SearchOptions#minimize()} and a violation found, the counterexamples are then
   * minimised ({@link Counterexample#minimization()}); the result's statistics stay those of the
   * first search.
   *
   * @throws IllegalArgumentException if {@link SearchOptions#workers()} &gt; 1 with a DPOR strategy
   * @throws IllegalStateException if {@link SearchOptions#workers()} &gt; 1 and listeners were given
   *     to {@link #with} (one instance cannot serve two workers)
   */
  public Result run(Control control) {
    Result r = search(options, l -> true, control);
    if (options.minimize() != SearchOptions.Minimize.NONE && r instanceof Result.ViolationsFound f
        && !control.interrupted()) {
      r = new Minimizer(this, control).minimize(f);
    }
    return r;
  }

  /** One search with options {@code o} and the listeners {@code keep} accepts. */
  Result search(SearchOptions o, java.util.function.Predicate<Listener> keep, Control control) {
    Instant started = Instant.now();
    if (!o.subtree().isEmpty() && (o.strategy() != SearchOptions.Strategy.EXHAUSTIVE || o.workers() > 1)) {
      throw new IllegalArgumentException("a subtree search (a prefix of " + o.subtree().size() + " decisions) is "
          + "available for the unreduced search (strategy EXHAUSTIVE) on one worker only, not " + o.strategy()
          + " on " + o.workers());
    }
    Supplier<List<Listener>> oneWorker = () -> {
      List<Listener> ls = new ArrayList<>();
      for (Listener l : listenersForSearch()) {
        if (keep.test(l)) {
          ls.add(l);
        }
      }
      return ls;
    };
    if (o.workers() > 1) {
      if (o.strategy() != SearchOptions.Strategy.EXHAUSTIVE) {
        throw new IllegalArgumentException("a parallel search (workers = " + o.workers()
            + ") is available for the unreduced search (strategy EXHAUSTIVE) only; DPOR runs on one worker");
      }
      if (!listeners.isEmpty()) {
        throw new IllegalStateException("a parallel search (workers = " + o.workers() + ") needs its "
            + "listeners from Checker.withListenerFactory(supplier): one set per worker");
      }
      ParallelSearch ps = new ParallelSearch(instrumented(), o, oneWorker, control);
      return timed(supervise(o, c -> ps.explore(), ps::current, ps::statistics), started);
    }
    Explorer explorer = new Explorer(instrumented(), o, new Dispatch(oneWorker.get()), control);
    return timed(supervise(o, explorer::explore, () -> {
      Execution e = explorer.currentExecution;
      return e == null ? List.of() : List.of(e);
    }, explorer::statistics), started);
  }

  /**
   * Cuts the exhaustive search into independent parts: runs it, but stops each execution when
   * it reaches a fresh decision at {@code depth} (that execution is not counted; its first
   * {@code depth} decisions become a {@link SearchSplit.Prefix}); executions that end earlier are run
   * and counted as the search counts them ({@link SearchSplit.Executed}, with their counterexamples).
   * The items come in the sequential search's depth-first order. Searching each prefix with
   * {@code options().withSubtree(prefix.decisions())} and adding up the items gives the figures
   * and violations of {@link #run}; in stop-on-first-error mode the split stops at the first
   * violating short execution, as the search would. The search's bounds apply as usual, except
   * {@code maxExecutions} and {@code timeLimit} (not applied: the split is meant to be small)
   * and minimisation (not done). Runs the watchdog as {@link #run} does.
   *
   * @param depth the decision depth of the prefixes, at least 0 (0: one prefix, the whole search)
   * @throws IllegalArgumentException unless the strategy is EXHAUSTIVE on one worker, with no subtree set
   */
  public SearchSplit split(int depth, Control control) {
    if (depth < 0 || options.strategy() != SearchOptions.Strategy.EXHAUSTIVE || options.workers() > 1
        || !options.subtree().isEmpty()) {
      throw new IllegalArgumentException("split(" + depth + ") needs a depth >= 0 and the unreduced search "
          + "(strategy EXHAUSTIVE) on one worker, without a subtree; not " + options.strategy() + " on "
          + options.workers());
    }
    SearchOptions o = options.withMaxExecutions(0).withTimeLimit(Duration.ZERO)
        .withMinimize(SearchOptions.Minimize.NONE);
    Explorer explorer = new Explorer(instrumented(), o, new Dispatch(listenersForSearch()), control, depth);
    Result r = supervise(o, explorer::explore, () -> {
      Execution e = explorer.currentExecution;
      return e == null ? List.of() : List.of(e);
    }, explorer::statistics);
    List<SearchSplit.Item> items = explorer.splitItems();
    if (r instanceof Result.ModelError e) {
      return new SearchSplit(depth, items == null ? List.of() : items, List.of(), e, explorer.sharedKeys());
    }
    return new SearchSplit(depth, items, explorer.takeBounds(), null, explorer.sharedKeys());
  }

  /** {@link #split(int, Control)} without a way to stop it. */
  public SearchSplit split(int depth) {
    return split(depth, new Control());
  }

  /**
   * The counterexample a search builds for violation {@code v} found in an execution that
   * followed {@code schedule} (its events up to the violation) and ended as {@code end}: the
   * schedule is replayed with no properties to capture the trace, exactly as the search does.
   * For results computed elsewhere (a cluster member sends the schedule; the submitter rebuilds
   * the report locally). {@code v} null: the context of a model error.
   */
  public Counterexample counterexample(Schedule schedule, Violation v, ExecutionEnd end, int execution) {
    return Replayer.capture(instrumented(), schedule, options.depthLimit(), v, end, execution);
  }

  private List<Listener> listenersForSearch() {
    if (factory == null) {
      return listeners;
    }
    List<Listener> all = new ArrayList<>(factory.get());
    all.addAll(listeners);
    return all;
  }

  /** The scenario, with the site analysis installed into each execution if there is one. */
  private Scenario instrumented() {
    if (sites == null) {
      return scenario;
    }
    SiteAnalysis a = sites;
    Scenario inner = scenario;
    return new Scenario() {
      @Override
      public void setup(World world) {
        ((Execution) world).sites = new SiteRun(a);
        inner.setup(world);
      }

      @Override
      public String name() {
        return inner.name();
      }
    };
  }

  /** Adds the wall-clock start and end to the result's statistics (when it has some). */
  private static Result timed(Result r, Instant started) {
    return r.statistics() == null ? r : r.withStatistics(r.statistics().withTimes(started, Instant.now()));
  }

  /**
   * Re-runs one recorded schedule with this checker's listeners and properties. The result
   * is {@link Result.ViolationsFound} if a property fires (its trace rebuilt from the
   * schedule), {@link Result.ModelError} if the model diverges from the schedule, else
   * {@link Result.Verified} (one execution, no violation). The stall watchdog runs as in a search.
   */
  public Result replay(Schedule schedule) {
    Instant started = Instant.now();
    long start = System.nanoTime();
    AtomicReference<Execution> current = new AtomicReference<>();
    Scenario scenario = instrumented();
    return timed(supervise(options, carrier -> {
      Execution ex = new Execution(new Replayer(schedule), new Dispatch(listenersForSearch()), 1, options.depthLimit(),
          false, new ThreadIds(), !options.multipleErrors(), options.spinLimit());
      ex.carrier = carrier;
      java.util.Map<String, Object> shared = new java.util.HashMap<>();
      ex.shared = (k, make) -> shared.computeIfAbsent(k, x -> make.get());
      current.set(ex);
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
    }, () -> current.get() == null ? List.of() : List.of(current.get()), () -> null), started);
  }

  /** Wall time without progress, in stall timeouts, after which a search is declared hung. */
  private static final int WALL_STALL_FACTOR = 12;

  private interface Search {
    /** Runs the search; its executions' model threads go on {@code carrier} (the search's own). */
    Result run(Carrier carrier);
  }

  /**
   * Runs {@code search} on a virtual thread and watches the execution in progress: if it makes
   * no progress (no new event) while the process spends {@link SearchOptions#stallTimeout()}
   * of CPU time outside garbage collection, a model thread is looping without reaching a
   * scheduling point. CPU time, not wall time, so a loaded machine or a long GC pause is not
   * mistaken for a stuck model. Out of memory, in the model or the engine, is a model error
   * that names the heap size.
   */
  private Result supervise(SearchOptions options, Search search, java.util.function.Supplier<List<Execution>> current,
      java.util.function.Supplier<Statistics> stats) {
    AtomicReference<Result> result = new AtomicReference<>();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    // the search and its model threads on a carrier of their own: hand-offs stay on one core,
    // and a model thread that never yields holds that carrier only, not the JVM's scheduler
    Carrier carrier = Carrier.own("mmcheck-search");
    Thread t = carrier.unstarted("mmcheck-explorer", () -> {
      try {
        result.set(search.run(carrier));
      } catch (Throwable e) {
        failure.set(e);
      }
    });
    t.start();
    try {
      return watch(options, t, result, failure, current, stats);
    } finally {
      carrier.close();
    }
  }

  private Result watch(SearchOptions options, Thread t, AtomicReference<Result> result,
      AtomicReference<Throwable> failure, java.util.function.Supplier<List<Execution>> current,
      java.util.function.Supplier<Statistics> stats) {
    long stall = options.stallTimeout().toNanos();
    // per execution in progress: events seen, and when that count last changed (CPU and wall clock)
    java.util.Map<Execution, long[]> watched = new java.util.IdentityHashMap<>();
    try {
      while (!t.join(Duration.ofMillis(200))) {
        long now = ProgressClock.nanos();
        long wall = System.nanoTime();
        List<Execution> live = current.get();
        watched.keySet().removeIf(e -> live.stream().noneMatch(l -> l == e));
        for (Execution ex : live) {
          long ev = ex.eventCount();
          long[] w = watched.get(ex);
          if (w == null || w[0] != ev) {
            watched.put(ex, new long[] {ev, now, wall});
          } else if (now - w[1] > stall) {
            return stalled(options, ex, stats.get());
          } else if (wall - w[2] > WALL_STALL_FACTOR * stall) {
            // no CPU burnt and no progress: something is parked for good (an engine bug)
            return new Result.ModelError("no progress for " + WALL_STALL_FACTOR * options.stallTimeout().toSeconds()
                + " s of wall time in execution " + ex.executionNumber() + " (a hang in the engine?)", null,
                stats.get());
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result.ModelError("interrupted", null, stats.get());
    }
    if (failure.get() != null) {
      Throwable e = failure.get();
      if (e instanceof OutOfMemoryError) {
        return new Result.ModelError(outOfMemory("the search"), null, stats.get());
      }
      return new Result.ModelError("engine failure: " + e, null, stats.get());
    }
    return result.get();
  }

  /** The message for running out of memory in {@code where}: the heap size and a hint. */
  static String outOfMemory(String where) {
    long max = Runtime.getRuntime().maxMemory() / (1024 * 1024);
    return "out of memory in " + where + " (Java heap: " + max + " MB): the model allocates without bound, "
        + "or the search needs a bigger heap (e.g. MMCHECK_JAVA_OPTS=-Xmx" + Math.max(2, 2 * max / 1024) + "g), "
        + "or a bound such as search.depth_limit or search.max_executions";
  }

  private static Result stalled(SearchOptions options, Execution ex, Statistics stats) {
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
        + " s of CPU time without reaching a scheduling point (an infinite loop that touches no shared "
        + "state?); the limit is search.stall_timeout" + where,
        null, stats);
  }
}
