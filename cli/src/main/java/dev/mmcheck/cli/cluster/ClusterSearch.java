package dev.mmcheck.cli.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import dev.mmcheck.cli.Prepared;
import dev.mmcheck.cli.Runner;
import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SearchSplit;
import dev.mmcheck.engine.Statistics;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The submitter of a cluster search: a Hazelcast client connected to mmcheck members
 * ({@link ClusterMember}). {@link #run} cuts the exhaustive search into schedule prefixes on this
 * machine ({@link Checker#split}), hands each member at most as many subtrees as it has threads
 * (lowest depth-first index first, so a faster member takes more), re-queues the subtree of a
 * member that dies, and merges the results in depth-first order:
 *
 * <ul>
 *   <li>figures are summed (most events per execution: the maximum; wall time: the submitter's);
 *   <li>for each violation key, the first one in depth-first order is kept, and its
 *       counterexample is rebuilt here by replaying its schedule, numbered as the single-JVM search
 *       numbers it: so multiple-errors mode reports the counterexamples of one exhaustive search;
 *   <li>stop-on-first-error mode: when a subtree reports a violation (or a model error), the
 *       subtrees after it are cancelled or not started, those before it are waited for, and only
 *       subtrees up to it are counted: the violation and the figures are those of the sequential
 *       search;
 *   <li>{@code search.time_limit} is enforced here over the whole search (outstanding subtrees
 *       are cancelled, the figures are those of the subtrees that finished); so is Ctrl-C.
 * </ul>
 *
 * <p>One instance per connection; {@link #run} is called by one thread at a time (not
 * thread-safe); {@link #close} disconnects.
 */
public final class ClusterSearch implements AutoCloseable {
  /** How long to try to reach a member before giving up. */
  public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
  /** How often a progress line is printed during a cluster search. */
  public static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
  /** Adaptive split: at least this many subtrees per member thread. */
  static final int SUBTREES_PER_THREAD = 16;
  /** Adaptive split: the deepest prefix tried. */
  static final int MAX_ADAPTIVE_DEPTH = 12;

  private final List<String> addresses;
  private final HazelcastInstance client;
  private final IExecutorService executor;

  /** What a cluster search gave: the merged result and how it was run. */
  public record Report(Result result, int subtrees, int depth, int members, int resubmitted) {
    /** The line the command prints after the report. */
    public String line() {
      return "cluster: " + subtrees + " subtree" + (subtrees == 1 ? "" : "s") + " at depth " + depth + " on "
          + members + " member" + (members == 1 ? "" : "s") + ", " + resubmitted + " resubmitted";
    }
  }

  private ClusterSearch(List<String> addresses, HazelcastInstance client) {
    this.addresses = List.copyOf(addresses);
    this.client = client;
    this.executor = client.getExecutorService(ClusterMember.EXECUTOR);
  }

  /**
   * Connects to the cluster through any of {@code addresses} ({@code host:port}).
   *
   * @throws ClusterUnavailableException if none answers within {@code timeout}
   */
  public static ClusterSearch connect(List<String> addresses, Duration timeout) {
    ClientConfig cc = new ClientConfig();
    cc.setClusterName(ClusterMember.CLUSTER_NAME);
    cc.setInstanceName("mmcheck-submitter-" + UUID.randomUUID());
    cc.setProperty("hazelcast.logging.type", "none");
    cc.setProperty("hazelcast.phone.home.enabled", "false");
    cc.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
    cc.getMetricsConfig().setEnabled(false);
    cc.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(timeout.toMillis())
        .setInitialBackoffMillis(200)
        .setMaxBackoffMillis(1000);
    try {
      return new ClusterSearch(addresses, HazelcastClient.newHazelcastClient(cc));
    } catch (RuntimeException e) {
      throw new ClusterUnavailableException("no mmcheck cluster member reachable at " + String.join(",", addresses)
          + " (cluster '" + ClusterMember.CLUSTER_NAME + "', tried for " + timeout.toSeconds() + " s: "
          + ClusterMember.rootMessage(e) + ")",
          "start members with ./mmcheck cluster-member --port P on each machine (cli/README.md, "
              + "\"Running on a cluster\"), and check the addresses, ports and firewalls");
    }
  }

  /**
   * The config checks of a cluster search, made before the cluster is contacted: the unreduced
   * strategy, no {@code search.max_executions} (a global execution budget is not split across
   * subtrees) and no minimisation.
   *
   * @throws ConfigException naming the key
   */
  public static void check(Config c, String how) {
    String strategy = c.get(ConfigKeys.SEARCH_STRATEGY);
    if (!strategy.equals("exhaustive")) {
      throw new ConfigException(c.origin(ConfigKeys.SEARCH_STRATEGY.name()).orElse(null),
          how + " needs search.strategy = exhaustive, not " + strategy,
          "partial-order reduction reverses races across any prefix, so DPOR runs in one JVM; add "
              + "+search.strategy=exhaustive (every interleaving, split over the members) or run without the cluster");
    }
    if (c.get(ConfigKeys.SEARCH_MAX_EXECUTIONS) > 0) {
      throw new ConfigException(c.origin(ConfigKeys.SEARCH_MAX_EXECUTIONS.name()).orElse(null),
          how + " does not take search.max_executions = " + c.get(ConfigKeys.SEARCH_MAX_EXECUTIONS),
          "a cluster search is not cut by an execution count; bound it with search.time_limit or "
              + "search.preemption_bound, or drop search.max_executions");
    }
    if (!c.get(ConfigKeys.SEARCH_MINIMIZE).equals("none")) {
      throw new ConfigException(c.origin(ConfigKeys.SEARCH_MINIMIZE.name()).orElse(null),
          how + " does not minimise counterexamples (search.minimize = " + c.get(ConfigKeys.SEARCH_MINIMIZE) + ")",
          "drop search.minimize, or minimise with a local run");
    }
  }

  /** Loads nothing: connects, runs {@code p} on the cluster, disconnects. @see #run */
  public static Report run(Prepared p, List<String> addresses, Checker.Control control, PrintStream progress) {
    check(p.config(), addresses.isEmpty() ? "a cluster search" : "--cluster " + String.join(",", addresses));
    try (ClusterSearch cs = connect(addresses, CONNECT_TIMEOUT)) {
      return cs.run(p, control, p.config().get(ConfigKeys.CLUSTER_SPLIT_DEPTH), progress);
    }
  }

  /** The members now, each with its thread count. */
  private Map<UUID, Integer> members() {
    Map<UUID, Integer> out = new LinkedHashMap<>();
    for (Member m : client.getCluster().getMembers()) {
      int threads = 1;
      try {
        String t = m.getAttribute(ClusterMember.THREADS_ATTRIBUTE);
        threads = t == null ? 1 : Math.max(1, Integer.parseInt(t));
      } catch (NumberFormatException e) {
        // not an mmcheck member's attribute: one at a time
      }
      out.put(m.getUuid(), threads);
    }
    return out;
  }

  private Member member(UUID id) {
    for (Member m : client.getCluster().getMembers()) {
      if (m.getUuid().equals(id)) {
        return m;
      }
    }
    return null;
  }

  /** A subtree handed to a member. */
  private record Attempt(int index, UUID member, Future<SubtreeResult> future) {}

  /** A finished attempt: its result, or why it failed. */
  private record Done(Attempt attempt, SubtreeResult result, Throwable failure) {}

  /**
   * Runs {@code p}'s exhaustive search on the cluster. {@code splitDepth} 0: adaptive. With a
   * {@code progress} stream: the split's line, then every {@link #PROGRESS_EVERY} a line with
   * the subtrees done, the executions they ran and the resubmissions so far.
   *
   * @throws ClusterUnavailableException if every member left, or a member cannot run its part
   */
  public Report run(Prepared p, Checker.Control control, int splitDepth, PrintStream progress) {
    return run(p, control, splitDepth, progress, PROGRESS_EVERY);
  }

  /** {@link #run(Prepared, Checker.Control, int, PrintStream)} with progress lines every {@code progressEvery}. */
  public Report run(Prepared p, Checker.Control control, int splitDepth, PrintStream progress, Duration progressEvery) {
    Instant started = Instant.now();
    long t0 = System.nanoTime();
    SearchOptions o = p.options().withWorkers(1);
    long deadline = o.timeLimit().isZero() ? Long.MAX_VALUE : t0 + o.timeLimit().toNanos();
    Checker checker = p.checker(List.of()).options(o.withTimeLimit(Duration.ZERO).withMaxExecutions(0));
    Map<UUID, Integer> atStart = members();
    int slots = atStart.values().stream().mapToInt(Integer::intValue).sum();
    SearchSplit split = splitDepth > 0 ? checker.split(splitDepth, control) : adaptiveSplit(checker, control, slots);
    if (!split.sharedState().isEmpty()) {
      Config c = p.config();
      throw new ConfigException(c.origin(ConfigKeys.SEARCH_PROPERTIES.name()).orElse(null),
          "a property of search.properties keeps state across executions (" + String.join(", ", split.sharedState())
              + "), e.g. lock-order's class graph: split over members, each would see only its subtrees and miss "
              + "what spans them",
          "run it in one JVM (search.workers shares that state), or drop the property for the cluster run");
    }
    if (split.modelError() != null) {
      return new Report(timed(split.modelError(), started, t0), 0, split.depth(), atStart.size(), 0);
    }
    List<SearchSplit.Item> items = split.items();
    if (progress != null) {
      progress.println("cluster: " + split.prefixes().size() + " subtrees at depth " + split.depth() + " for "
          + atStart.size() + " member(s) at " + String.join(",", addresses));
    }
    List<String> overrides = new ArrayList<>();
    for (String ov : Runner.overridesFromMeta(Runner.scheduleMeta(p))) {
      if (!ov.startsWith("+cluster.")) {
        overrides.add(ov);
      }
    }
    String path = p.file() == null ? null : p.file().toString();
    boolean firstOnly = !o.multipleErrors();
    int n = items.size();
    int cutoff = Integer.MAX_VALUE;
    TreeSet<Integer> pending = new TreeSet<>();
    for (int i = 0; i < n; i++) {
      if (items.get(i) instanceof SearchSplit.Prefix) {
        pending.add(i);
      } else if (firstOnly && !((SearchSplit.Executed) items.get(i)).counterexamples().isEmpty()) {
        cutoff = Math.min(cutoff, i);
      }
    }
    SubtreeResult[] results = new SubtreeResult[n];
    Map<Integer, Attempt> running = new HashMap<>();
    Map<UUID, Integer> busy = new HashMap<>();
    LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
    int resubmitted = 0;
    Bound stopped = null;
    long noMembersSince = -1;
    int finished = 0;
    long executionsDone = 0;
    long lastProgress = System.nanoTime();
    while (true) {
      int cut = cutoff;
      pending.removeIf(i -> i > cut);
      if (stopped == null) {
        Map<UUID, Integer> now = members();
        boolean dispatched = true;
        while (dispatched && !pending.isEmpty()) {
          dispatched = false;
          for (Map.Entry<UUID, Integer> m : now.entrySet()) {
            if (pending.isEmpty() || busy.getOrDefault(m.getKey(), 0) >= m.getValue()) {
              continue;
            }
            Member member = member(m.getKey());
            if (member == null) {
              continue;
            }
            int i = pending.pollFirst();
            SearchSplit.Prefix prefix = (SearchSplit.Prefix) items.get(i);
            long left = deadline == Long.MAX_VALUE ? 0 : Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            SubtreeTask task = new SubtreeTask(i, path, overrides, prefix.decisions(), left);
            try {
              Future<SubtreeResult> f = executor.submitToMember(task, member);
              Attempt a = new Attempt(i, m.getKey(), f);
              running.put(i, a);
              busy.merge(m.getKey(), 1, Integer::sum);
              if (!(f instanceof CompletionStage<?>)) {
                throw new IllegalStateException("Hazelcast's executor future is not a CompletionStage: " + f.getClass());
              }
              @SuppressWarnings("unchecked")
              CompletionStage<SubtreeResult> cs = (CompletionStage<SubtreeResult>) f;
              cs.whenComplete((r, t) -> done.add(new Done(a, r, t)));
              dispatched = true;
            } catch (RuntimeException e) {
              if (!memberDied(e)) {
                throw e;
              }
              pending.add(i);
              resubmitted++;
            }
          }
        }
        if (now.isEmpty() && !pending.isEmpty()) {
          if (noMembersSince < 0) {
            noMembersSince = System.nanoTime();
          } else if (System.nanoTime() - noMembersSince > CONNECT_TIMEOUT.toNanos()) {
            throw gone();
          }
        } else {
          noMembersSince = -1;
        }
      }
      if (running.isEmpty() && (pending.isEmpty() || stopped != null)) {
        break;
      }
      if (!client.getLifecycleService().isRunning()) {
        throw gone();
      }
      Done d;
      try {
        d = done.poll(100, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        control.interrupt();
        d = null;
      }
      if (d != null && running.get(d.attempt().index()) == d.attempt()) {
        Attempt a = d.attempt();
        running.remove(a.index());
        busy.merge(a.member(), -1, Integer::sum);
        if (d.failure() != null) {
          if (memberDied(d.failure())) {
            pending.add(a.index());
            resubmitted++;
          } else if (!(d.failure() instanceof CancellationException)) {
            throw new ClusterUnavailableException("subtree " + a.index() + " failed on a member: "
                + ClusterMember.rootMessage(d.failure()), "set MMCHECK_DEBUG=1 on the member and the submitter");
          }
        } else {
          SubtreeResult r = d.result();
          if (r.setupError() != null) {
            throw new ClusterUnavailableException(r.setupError(),
                "every member needs the same checkout and paths as the submitter (cli/README.md)");
          }
          results[a.index()] = r;
          finished++;
          executionsDone += r.executions();
          if (r.modelError() != null || (firstOnly && !r.found().isEmpty())) {
            cutoff = Math.min(cutoff, a.index());
            int c = cutoff;
            for (Attempt later : new ArrayList<>(running.values())) {
              if (later.index() > c) {
                cancel(later);
                running.remove(later.index());
                busy.merge(later.member(), -1, Integer::sum);
              }
            }
          }
        }
      }
      if (progress != null && System.nanoTime() - lastProgress >= progressEvery.toNanos()) {
        lastProgress = System.nanoTime();
        progress.println("cluster: " + finished + "/" + split.prefixes().size() + " subtrees done, " + executionsDone
            + " executions, " + running.size() + " running, " + resubmitted + " resubmitted");
      }
      if (stopped == null && (System.nanoTime() > deadline || control.interrupted())) {
        stopped = control.interrupted() ? Bound.INTERRUPTED : Bound.TIME_LIMIT;
        for (Attempt a : running.values()) {
          cancel(a);
        }
        running.clear();
      }
    }
    Result merged = SubtreeMerge.merge(checker, split, results, cutoff, stopped, t0);
    return new Report(timed(merged, started, t0), split.prefixes().size(), split.depth(), atStart.size(),
        resubmitted);
  }

  /** Cancels an attempt (interrupting its member's thread); a member that is gone needs no cancelling. */
  private static void cancel(Attempt a) {
    try {
      a.future().cancel(true);
    } catch (RuntimeException e) {
      // the member left, or the task finished meanwhile: nothing runs any more
    }
  }

  private ClusterUnavailableException gone() {
    return new ClusterUnavailableException("every mmcheck cluster member at " + String.join(",", addresses)
        + " left before the search ended", "restart members (./mmcheck cluster-member) and run the search again");
  }

  /** The smallest depth (at most {@value #MAX_ADAPTIVE_DEPTH}) with at least 16 subtrees per member thread. */
  private static SearchSplit adaptiveSplit(Checker checker, Checker.Control control, int slots) {
    int want = SUBTREES_PER_THREAD * Math.max(1, slots);
    SearchSplit s = null;
    for (int k = 1; k <= MAX_ADAPTIVE_DEPTH; k++) {
      s = checker.split(k, control);
      if (s.modelError() != null || s.prefixes().size() >= want || s.prefixes().isEmpty()) {
        return s;
      }
    }
    return s;
  }

  /** Whether {@code t} (or a cause) says the member running the task is gone. */
  static boolean memberDied(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof com.hazelcast.core.MemberLeftException
          || c instanceof com.hazelcast.core.HazelcastInstanceNotActiveException
          || c instanceof com.hazelcast.spi.exception.TargetDisconnectedException
          || c instanceof com.hazelcast.spi.exception.TargetNotMemberException
          || c instanceof java.util.concurrent.RejectedExecutionException) {
        return true;
      }
    }
    return false;
  }

  /** {@code r} with the submitter's wall time and start and end times. */
  private static Result timed(Result r, Instant started, long t0) {
    Statistics s = r.statistics();
    if (s == null) {
      return r;
    }
    Statistics w = new Statistics(s.executions(), s.completed(), s.deadlocked(), s.sleepBlocked(), s.bounded(),
        s.violations(), s.events(), s.maxDepth(), (System.nanoTime() - t0) / 1_000_000, s.peakHeapBytes());
    return r.withStatistics(w.withTimes(started, Instant.now()));
  }

  @Override
  public void close() {
    try {
      client.shutdown();
    } catch (RuntimeException e) {
      // already gone
    }
  }
}
