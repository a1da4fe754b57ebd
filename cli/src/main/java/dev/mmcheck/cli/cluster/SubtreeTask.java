package dev.mmcheck.cli.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import dev.mmcheck.cli.Prepared;
import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Decision;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Statistics;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One subtree of a cluster search, run on a member: rebuilds the run from the config's
 * effective keys (every set key's text, as a saved schedule's meta holds them: the member needs
 * neither the config file nor its includes, but it needs the classes of its {@code classpath}
 * at the same absolute paths), searches the executions that start with {@link #prefix} and
 * returns a {@link SubtreeResult}. A model error is a result, not a failure; a config that does
 * not load on the member is a {@link SubtreeResult#setupError}.
 *
 * <p>Serialised (Java serialisation) from the submitter to the member: the index, the config
 * path (for messages), the {@code +key=value} overrides, the prefix and the time left. Run by
 * the member's executor thread; cancelling the task (interrupting that thread) stops the search
 * after its current execution.
 */
public final class SubtreeTask implements Callable<SubtreeResult>, Serializable, HazelcastInstanceAware {
  private static final long serialVersionUID = 1L;

  private final int index;
  private final String configPath;
  private final List<String> overrides;
  private final List<Decision> prefix;
  private final long timeLimitMillis;
  private transient HazelcastInstance member;

  /**
   * @param index the subtree's position in the split
   * @param configPath the config file the submitter ran, for messages; may be null
   * @param overrides the {@code +key=value} arguments that rebuild the config on the member
   * @param prefix the subtree's decisions
   * @param timeLimitMillis the time the search may take, 0 = no limit (the submitter also cancels)
   */
  public SubtreeTask(int index, String configPath, List<String> overrides, List<Decision> prefix,
      long timeLimitMillis) {
    this.index = index;
    this.configPath = configPath;
    this.overrides = List.copyOf(overrides);
    this.prefix = List.copyOf(prefix);
    this.timeLimitMillis = timeLimitMillis;
  }

  public int index() {
    return index;
  }

  @Override
  public void setHazelcastInstance(HazelcastInstance hz) {
    this.member = hz;
  }

  @Override
  public SubtreeResult call() throws Exception {
    ClusterMember.Context ctx = member == null ? null
        : (ClusterMember.Context) member.getUserContext().get(ClusterMember.Context.KEY);
    String me = member == null ? "?" : member.getCluster().getLocalMember().getAddress().getHost() + ":"
        + member.getCluster().getLocalMember().getAddress().getPort();
    if (ctx == null) {
      return SubtreeResult.setupError(index, me, "this Hazelcast member is not an mmcheck cluster member "
          + "(start members with mmcheck cluster-member)");
    }
    ctx.taskStarting(member);
    Prepared p;
    try {
      List<String> all = new ArrayList<>(overrides);
      all.add("+search.workers=1");
      all.add("+search.minimize=none");
      all.add("+search.time_limit=" + timeLimitMillis + "ms");
      Config c = ctx.runner().load(null, all);
      p = ctx.runner().prepare(null, c);
    } catch (ConfigException e) {
      return SubtreeResult.setupError(index, me, "the config " + (configPath == null ? "" : configPath + " ")
          + "does not load on member " + me + ": " + e.format());
    }
    Checker checker = p.checker(List.of()).options(p.options().withSubtree(prefix));
    Checker.Control control = new Checker.Control();
    FutureTask<Result> search = new FutureTask<>(() -> checker.run(control));
    Thread t = Thread.ofPlatform().name("mmcheck-subtree-" + index).daemon().start(search);
    Result r;
    try {
      r = search.get();
    } catch (InterruptedException e) {
      // cancelled by the submitter: stop after the current execution, then give up the thread
      control.interrupt();
      try {
        search.get(30, TimeUnit.SECONDS);
      } catch (ExecutionException | TimeoutException ignored) {
        // the result is not wanted any more
      }
      Thread.currentThread().interrupt();
      throw e;
    } finally {
      if (t.isAlive() && search.isDone()) {
        t.join(1000);
      }
    }
    return of(r, me);
  }

  private SubtreeResult of(Result r, String me) {
    Statistics s = r.statistics();
    List<String> bounds = new ArrayList<>();
    List<SubtreeResult.Found> found = new ArrayList<>();
    String modelError = null;
    dev.mmcheck.engine.Schedule errorSchedule = null;
    switch (r) {
      case Result.Verified v -> { }
      case Result.ViolationsFound f -> {
        f.boundsHit().forEach(b -> bounds.add(b.name()));
        for (Counterexample c : f.violations()) {
          found.add(new SubtreeResult.Found(c.violation(), c.end(), c.execution(), c.schedule()));
        }
      }
      case Result.BoundReached b -> b.boundsHit().forEach(x -> bounds.add(x.name()));
      case Result.ModelError e -> {
        modelError = e.message();
        errorSchedule = e.context() == null ? null : e.context().schedule();
      }
    }
    if (s == null) {
      return new SubtreeResult(index, me, 0, 0, 0, 0, 0, 0, 0, 0, 0, bounds, found, modelError, errorSchedule, null);
    }
    return new SubtreeResult(index, me, s.executions(), s.completed(), s.deadlocked(), s.sleepBlocked(), s.bounded(),
        s.violations(), s.events(), s.maxDepth(), s.peakHeapBytes(), bounds, found, modelError, errorSchedule, null);
  }

  /** The bound names of a result, back as bounds. */
  static List<Bound> bounds(SubtreeResult r) {
    List<Bound> out = new ArrayList<>();
    r.bounds().forEach(b -> out.add(Bound.valueOf(b)));
    return out;
  }
}
