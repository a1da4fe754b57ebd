package dev.mmcheck.cli;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.ConfigLoader;
import dev.mmcheck.config.JpfParser;
import dev.mmcheck.config.RawConfig;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one code path from a {@code .jpf} file to a {@link Result}, shared by the command and the
 * regression suite: load and validate the config, create the engine objects ({@link Prepared}),
 * run the search ({@link Outcome}). Reusable and thread-safe.
 *
 * <p>A config with a {@code classpath} ({@link UserClasspath}) gets its own class loader over
 * those entries, through which its class names and the {@link dev.mmcheck.engine.Catalog}s on it
 * are found ({@link Catalogs#withUserClasses}). {@link #load} and {@link #prepare} of one config
 * use the same loader: the runner keeps one per distinct resolved class path (entries and the
 * lines that set them), for as long as the runner lives.
 */
public final class Runner {
  /** Meta key of a saved schedule: the config file it came from (absolute). */
  public static final String META_CONFIG_PATH = "config.path";
  /** Meta key of a saved schedule: the effective configuration, for people. */
  public static final String META_CONFIG_EFFECTIVE = "config.effective";
  /** Prefix of meta keys holding each set config key's text, from which replay rebuilds the run. */
  public static final String META_SET_PREFIX = "set.";

  private final Catalogs catalogs;
  private final Map<List<UserClasspath.Entry>, Catalogs> byClasspath = new ConcurrentHashMap<>();

  public Runner(Catalogs catalogs) {
    this.catalogs = catalogs;
  }

  /**
   * Loads and validates a config.
   *
   * @param file the {@code .jpf} file, or {@code null} for overrides only
   * @throws ConfigException for any problem, with its origin
   */
  public Config load(Path file, List<String> overrides) {
    RawConfig raw = JpfParser.parse(file, overrides);
    Catalogs c = catalogsFor(raw);
    return new ConfigLoader(c.resolver(), c.namespaces()).load(raw);
  }

  /**
   * The catalogs a config sees: these, plus the user classes and catalogs of its
   * {@code classpath}.
   *
   * @throws ConfigException for a bad class path entry or catalog
   */
  public Catalogs catalogsFor(RawConfig raw) {
    UserClasspath cp = UserClasspath.of(raw);
    if (cp.isEmpty()) {
      return catalogs;
    }
    Catalogs c = byClasspath.get(cp.entries());
    if (c == null) {
      c = catalogs.withUserClasses(cp);
      Catalogs raced = byClasspath.putIfAbsent(cp.entries(), c);
      c = raced != null ? raced : c;
    }
    return c;
  }

  /** Creates the engine objects {@code config} names. @throws ConfigException if one cannot be made */
  public Prepared prepare(Path file, Config config) {
    Instantiator instantiator = new Instantiator(catalogsFor(config.rawConfig()));
    Scenario scenario = instantiator.scenario(config);
    List<Listener> listeners = instantiator.listeners(config);
    String target = config.get(ConfigKeys.TARGET);
    String cls = config.targetClass().getName();
    String title = target.equals(cls) ? cls : target + " (" + cls + ")";
    if (!scenario.name().equals(config.targetClass().getSimpleName())) {
      title += ": " + scenario.name();
    }
    return new Prepared(file, config, scenario, title, listeners, searchOptions(config),
        () -> instantiator.listeners(config));
  }

  /** Loads, prepares and runs one file. @throws ConfigException for a bad config */
  public Outcome run(Path file, List<String> overrides, List<? extends Listener> extra) {
    Prepared p = prepare(file, load(file, overrides));
    return new Outcome(p, p.checker(extra).run());
  }

  /**
   * The engine's options from the {@code search.*} keys. {@code search.depth_limit = 0} means
   * no limit; {@code search.strategy = exhaustive} turns partial-order reduction off.
   *
   * @throws ConfigException if {@code search.workers} &gt; 1 with a DPOR strategy
   */
  public static SearchOptions searchOptions(Config c) {
    int depth = c.get(ConfigKeys.SEARCH_DEPTH_LIMIT);
    SearchOptions.Strategy strategy = switch (c.get(ConfigKeys.SEARCH_STRATEGY)) {
      case "exhaustive" -> SearchOptions.Strategy.EXHAUSTIVE;
      case "source-dpor" -> SearchOptions.Strategy.SOURCE_DPOR;
      default -> SearchOptions.Strategy.DPOR;
    };
    int workers = c.get(ConfigKeys.SEARCH_WORKERS);
    if (workers > 1 && strategy != SearchOptions.Strategy.EXHAUSTIVE) {
      throw new ConfigException(c.origin(ConfigKeys.SEARCH_WORKERS.name()).orElse(null),
          "search.workers = " + workers + " needs search.strategy = exhaustive, not "
              + c.get(ConfigKeys.SEARCH_STRATEGY),
          "partial-order reduction runs on one worker; add +search.strategy=exhaustive (every interleaving, "
              + "in parallel) or drop search.workers");
    }
    return SearchOptions.defaults()
        .withWorkers(workers)
        .withStrategy(strategy)
        .withMaxExecutions(c.get(ConfigKeys.SEARCH_MAX_EXECUTIONS))
        .withTimeLimit(c.get(ConfigKeys.SEARCH_TIME_LIMIT))
        .withDepthLimit(depth == 0 ? Integer.MAX_VALUE : depth)
        .withPreemptionBound(c.get(ConfigKeys.SEARCH_PREEMPTION_BOUND))
        .withMultipleErrors(c.get(ConfigKeys.SEARCH_MULTIPLE_ERRORS))
        .withStallTimeout(c.get(ConfigKeys.SEARCH_STALL_TIMEOUT))
        .withSpinLimit(c.get(ConfigKeys.SEARCH_SPIN_LIMIT))
        .withMinimize(switch (c.get(ConfigKeys.SEARCH_MINIMIZE)) {
          case "preemptions" -> SearchOptions.Minimize.PREEMPTIONS;
          case "length" -> SearchOptions.Minimize.LENGTH;
          default -> SearchOptions.Minimize.NONE;
        });
  }

  /**
   * The {@code meta} of a schedule saved from this run: {@value #META_CONFIG_PATH}, {@value
   * #META_CONFIG_EFFECTIVE} and {@code set.<key>} = text for every key set in the files or on the
   * command line ({@code report.*} and {@code expect} excluded), enough for {@code replay} to
   * rebuild the scenario and properties without the config file. {@code set.classpath} holds the
   * resolved absolute entries, so that replay finds the user's classes from any folder.
   */
  public static Map<String, String> scheduleMeta(Prepared p) {
    Map<String, String> meta = new LinkedHashMap<>();
    if (p.file() != null) {
      meta.put(META_CONFIG_PATH, p.file().toAbsolutePath().normalize().toString());
    }
    meta.put(META_CONFIG_EFFECTIVE, String.join("\n", p.config().effectiveLines(false)));
    for (String key : p.config().rawConfig().values().keySet()) {
      if (key.equals(ConfigKeys.CLASSPATH.name())) {
        List<String> abs = new ArrayList<>();
        UserClasspath.of(p.config().rawConfig()).paths().forEach(path -> abs.add(path.toString()));
        meta.put(META_SET_PREFIX + key, String.join(",", abs));
      } else if (!key.startsWith("report.") && !key.equals(ConfigKeys.EXPECT.name())) {
        meta.put(META_SET_PREFIX + key, p.config().raw(key).orElse(""));
      }
    }
    return meta;
  }

  /** The {@code +key=value} overrides that rebuild a config from {@link #scheduleMeta}. */
  public static List<String> overridesFromMeta(Map<String, String> meta) {
    List<String> out = new ArrayList<>();
    meta.forEach((k, v) -> {
      if (k.startsWith(META_SET_PREFIX)) {
        out.add("+" + k.substring(META_SET_PREFIX.length()) + "=" + v);
      }
    });
    return out;
  }
}
