package dev.mmcheck.config;

import java.time.Duration;
import java.util.List;

/**
 * The built-in keys: the one place that documents every key, its type and its default. Scenario
 * keys ({@code mm.*}, ...) are declared by scenarios as {@link Namespace}s.
 */
public final class ConfigKeys {

  private ConfigKeys() {}

  /** The scenario to check (short name or class name). Required. */
  public static final Key<String> TARGET = new Key<>("target",
      ValueTypes.className(NameResolver.SCENARIO), null,
      "scenario to check: a registered short name or a class name (required)");

  /** Free-form scenario arguments, comma separated (elements may contain blanks). */
  public static final Key<List<String>> TARGET_ARGS = new Key<>("target.args",
      ValueTypes.commaList(), List.of(),
      "free-form scenario arguments, separated by commas only");

  /** Listeners to attach to the search. */
  public static final Key<List<String>> LISTENER = new Key<>("listener",
      ValueTypes.names(NameResolver.LISTENER), List.of(),
      "search listeners: short names or class names");

  /** Properties checked in every execution. */
  public static final Key<List<String>> SEARCH_PROPERTIES = new Key<>("search.properties",
      ValueTypes.names(NameResolver.PROPERTY), List.of("deadlock", "uncaught-exception",
          "use-after-free"),
      "properties checked in every execution");

  public static final Key<Boolean> SEARCH_MULTIPLE_ERRORS = Key.bool("search.multiple_errors",
      false, "keep searching after the first error and report all of them");

  public static final Key<Integer> SEARCH_DEPTH_LIMIT = Key.nonNegativeInt("search.depth_limit",
      10_000, "maximum number of events in one execution (0 = no limit)");

  public static final Key<Long> SEARCH_MAX_EXECUTIONS = Key.nonNegativeLong(
      "search.max_executions", 0L, "stop after this many executions (0 = unbounded)");

  public static final Key<Duration> SEARCH_TIME_LIMIT = Key.duration("search.time_limit",
      Duration.ZERO, "stop after this long, e.g. 250ms, 30s, 5m, 1h; a plain number is seconds"
          + " (0 = no limit)");

  public static final Key<Integer> SEARCH_PREEMPTION_BOUND = new Key<>("search.preemption_bound",
      ValueTypes.intAtLeast(-1), -1,
      "maximum preemptive context switches per execution (-1 = no bound)");

  public static final Key<String> SEARCH_STRATEGY = Key.choice("search.strategy", "dpor",
      "exploration: dpor (optimal DPOR, one execution per Mazurkiewicz trace), source-dpor (source sets "
          + "and sleep sets) or exhaustive (all interleavings, no reduction)",
      "dpor", "source-dpor", "exhaustive");
  public static final Key<Duration> SEARCH_STALL_TIMEOUT = Key.duration("search.stall_timeout",
      Duration.ofSeconds(10), "CPU time a model thread may use without reaching a scheduling point before the "
          + "search stops with a model error (an infinite loop in plain Java code)");
  public static final Key<Integer> SEARCH_SPIN_LIMIT = new Key<>("search.spin_limit", ValueTypes.intAtLeast(0), 64,
      "identical busy-wait iterations (same reads, same values, no write by another thread) after which an "
          + "execution is cut, or reported as a livelock if no other thread can run; 0 = never");

  public static final Key<Integer> SEARCH_WORKERS = new Key<>("search.workers", ValueTypes.intAtLeast(1), 1,
      "searches in parallel on this many workers; needs search.strategy = exhaustive (DPOR runs on one "
          + "worker); counts stay exact, every interleaving once; the JVM's virtual-thread parallelism is "
          + "raised to the largest value among the configs of one mmcheck command");

  public static final Key<String> SEARCH_MINIMIZE = Key.choice("search.minimize", "none",
      "after a violation: none (report the first counterexample found), preemptions (re-search with preemption "
          + "bounds 0, 1, 2, ... for the counterexample with the fewest preemptions) or length (then the shortest "
          + "trace with that many)",
      "none", "preemptions", "length");

  /** Cluster members to run the exhaustive search on ({@code mmcheck cluster-member}); empty = this JVM. */
  public static final Key<List<String>> CLUSTER_MEMBERS = Key.list("cluster.members", List.of(),
      "host:port of mmcheck cluster members (mmcheck cluster-member) to run the search on, as --cluster does; "
          + "needs search.strategy = exhaustive; empty = search in this JVM");

  public static final Key<Integer> CLUSTER_SPLIT_DEPTH = new Key<>("cluster.split_depth", ValueTypes.intAtLeast(0), 0,
      "on a cluster: the schedule-prefix depth at which the search is cut into subtrees; 0 = the smallest depth "
          + "(at most 12) giving at least 16 subtrees per member");

  public static final Key<Boolean> REPORT_CONSOLE_ERROR = Key.bool("report.console.error", true,
      "print the error (property violation) on the console");

  public static final Key<Boolean> REPORT_CONSOLE_TRACE = Key.bool("report.console.trace", true,
      "print the counterexample trace on the console");

  public static final Key<Boolean> REPORT_CONSOLE_STATISTICS = Key.bool(
      "report.console.statistics", true, "print search statistics on the console");

  public static final Key<Boolean> REPORT_CONSOLE_CONFIG = Key.bool("report.console.config", true,
      "print the effective configuration in the report header");

  /** Where to write the counterexample as JSON; empty = don't. Relative paths: working folder. */
  public static final Key<String> REPORT_JSON = Key.string("report.json", "",
      "file to write the run's JSON report to (verdict, statistics, config; for a violation also"
          + " the replayable schedule and trace: ./mmcheck replay FILE); empty = none"
          + " (tip: report.json = ${config_path}/../mmcheck-out/name.json)");

  /** Where to write an HTML report; empty = don't. */
  public static final Key<String> REPORT_HTML = Key.string("report.html", "",
      "file to write the HTML report to (self-contained: swimlanes, lock bars, source lines); empty = none");

  /** Where {@code mmcheck necessity} writes its JSON; empty = don't. */
  public static final Key<String> REPORT_NECESSITY = Key.string("report.necessity", "",
      "file to write the lock-necessity analysis to as JSON (mmcheck necessity only; format mmcheck-necessity/1);"
          + " empty = none");

  /** The expected outcome; no default (no check). */
  public static final Key<Expectation> EXPECT = new Key<>("expect", ValueTypes.expectation(), null,
      "expected outcome: verified | violation <property-name> | deadlock | bound");

  /**
   * Where the user's scenario, property and listener classes (and their {@code Catalog}s) are:
   * jars and class folders, separated by {@code ,} {@code ;} or {@code :}, relative to the folder
   * of the config file that sets them (command line: the working folder); {@code dir/*} is every
   * jar in {@code dir}.
   */
  public static final Key<List<String>> CLASSPATH = new Key<>("classpath", ValueTypes.pathList(), List.of(),
      "jars and class folders of your own scenarios, properties, listeners and catalogs;"
          + " relative to the folder of the config that sets it; dir/* = its jars");

  /** Accepted for JPF compatibility; ignored. */
  public static final Key<List<String>> SOURCEPATH = Key.list("sourcepath", List.of(),
      "accepted for JPF compatibility and ignored");

  /** Every built-in key, in documentation (and rendering) order. Immutable. */
  public static final List<Key<?>> ALL = List.of(TARGET, TARGET_ARGS, LISTENER, SEARCH_PROPERTIES,
      SEARCH_MULTIPLE_ERRORS, SEARCH_DEPTH_LIMIT, SEARCH_MAX_EXECUTIONS, SEARCH_TIME_LIMIT,
      SEARCH_PREEMPTION_BOUND, SEARCH_STRATEGY, SEARCH_STALL_TIMEOUT, SEARCH_SPIN_LIMIT, SEARCH_WORKERS, SEARCH_MINIMIZE,
      CLUSTER_MEMBERS, CLUSTER_SPLIT_DEPTH,
      REPORT_CONSOLE_ERROR, REPORT_CONSOLE_TRACE, REPORT_CONSOLE_STATISTICS, REPORT_CONSOLE_CONFIG, REPORT_JSON,
      REPORT_HTML, REPORT_NECESSITY, EXPECT,
      CLASSPATH, SOURCEPATH);
}
