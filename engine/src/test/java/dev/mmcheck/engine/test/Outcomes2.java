package dev.mmcheck.engine.test;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * A reference that does not depend on any dependency relation: what each explored execution
 * <em>observed</em>. An outcome is, for every thread, the values it saw (reads, trylock
 * results, choices, the readers a grace period waited for) in its own order, plus whether it
 * finished, plus how the execution ended. A sound reduction reaches every outcome the
 * unreduced search reaches; it also finds the same set of violations and the same
 * lock-order edges ("held class A while acquiring class B"), which follow from outcomes.
 */
final class Outcomes2 implements EventListener, ExecutionListener, LockListener {
  private final Map<Integer, List<String>> seen = new HashMap<>();
  private final Map<Integer, String> names = new HashMap<>();
  private final Map<Integer, List<String>> held = new HashMap<>();
  final Set<String> outcomes = new TreeSet<>();
  final Set<String> edges = new TreeSet<>();

  @Override
  public void executionStarted(ExecutionContext ctx) {
    seen.clear();
    names.clear();
    held.clear();
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event e) {
    names.put(e.thread().id(), e.thread().name());
    List<String> mine = seen.computeIfAbsent(e.thread().id(), k -> new ArrayList<>());
    if (e.value() != null) {
      mine.add(e.op() + "(" + e.object() + ")=" + e.value());
    }
  }

  @Override
  public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
    List<String> h = held.computeIfAbsent(event.thread().id(), k -> new ArrayList<>());
    if (!trylock && !(lock instanceof dev.mmcheck.engine.Rcu)) {
      synchronized (sink) {
        for (String c : h) {
          sink.edges.add(c + "->" + lock.lockClass());
        }
      }
    }
    h.add(lock.lockClass());
  }

  @Override
  public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    List<String> h = held.get(event.thread().id());
    if (h != null) {
      h.remove(h.lastIndexOf(lock.lockClass()));
    }
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    if (end == ExecutionEnd.SLEEP_BLOCKED || end == ExecutionEnd.DEPTH_BOUND) {
      return; // a pruned prefix, not a maximal execution
    }
    Map<String, String> o = new TreeMap<>();
    for (ThreadRef t : ctx.threads()) {
      o.put(t.name(), String.valueOf(seen.getOrDefault(t.id(), List.of())));
    }
    synchronized (sink) {
      sink.outcomes.add(o + " end=" + end);
    }
  }

  /**
   * As {@link #explore} with the unreduced search on {@code workers} workers; the outcome recorder is shared
   * (synchronized), the other listeners are made per worker.
   */
  static Run exploreParallel(Scenario s, int workers, long cap, Supplier<List<Listener>> extra) {
    Outcomes2 o = new Outcomes2();
    Result r = Checker.of(s).withListenerFactory(() -> {
      List<Listener> ls = new ArrayList<>(extra.get());
      ls.add(o.forWorker());
      return ls;
    }).options(SearchOptions.defaults().withMaxExecutions(cap).withMultipleErrors(true).withWorkers(workers).withStrategy(SearchOptions.Strategy.EXHAUSTIVE)).run();
    Set<String> vs = new TreeSet<>();
    if (r instanceof Result.ViolationsFound f) {
      for (Counterexample c : f.violations()) {
        vs.add(c.violation().property().equals("lock-order") ? "lock-order" : c.violation().key());
      }
    }
    return new Run(o.outcomes, o.edges, vs, r);
  }

  /** A recorder for one worker that adds into this one's sets. */
  private Outcomes2 forWorker() {
    Outcomes2 w = new Outcomes2();
    w.sink = this;
    return w;
  }

  /** Where a worker's recorder adds outcomes and edges (itself, or the shared one). */
  private Outcomes2 sink = this;

  /** True if no bound cut the search that produced {@code r}. */
  static boolean exhaustive(Result r) {
    return switch (r) {
      case Result.Verified v -> true;
      case Result.ViolationsFound f -> f.boundsHit().isEmpty();
      case Result.BoundReached b -> false;
      case Result.ModelError e -> false;
    };
  }

  /** The result of one strategy: outcomes, lock-order edges and the distinct violations. */
  record Run(Set<String> outcomes, Set<String> edges, Set<String> violations, Result result) {}

  /** Explores {@code s} with {@code strategy}, in multiple-errors mode, with {@code extra} listeners. */
  static Run explore(Scenario s, SearchOptions.Strategy strategy, long cap, Supplier<List<Listener>> extra) {
    Outcomes2 o = new Outcomes2();
    List<Listener> ls = new ArrayList<>(extra.get());
    ls.add(o);
    Result r = Checker.of(s).with(ls).options(SearchOptions.defaults().withStrategy(strategy)
        .withMaxExecutions(cap).withMultipleErrors(true)).run();
    Set<String> vs = new TreeSet<>();
    if (r instanceof Result.ViolationsFound f) {
      for (Counterexample c : f.violations()) {
        vs.add(c.violation().property().equals("lock-order") ? "lock-order" : c.violation().key());
      }
    }
    return new Run(o.outcomes, o.edges, vs, r);
  }
}
