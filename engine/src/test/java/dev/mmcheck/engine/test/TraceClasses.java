package dev.mmcheck.engine.test;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Brute-force reference for the reduction: records every maximal execution (completed or
 * deadlocked) as the canonical form of its Mazurkiewicz trace — its events, identified by
 * thread and per-thread index, plus the order of every pair of dependent events of different
 * threads. Two executions are equivalent iff their canonical forms are equal. The dependency
 * used here is written independently of the engine's: same object and not both read-side,
 * or a free of an object and any use of one of its fields; an RCU grace-period wait (whose
 * event lists the readers it waited for) depends only on the outermost read-side boundaries
 * of those readers in its domain, and on nothing else.
 */
final class TraceClasses implements EventListener, ExecutionListener {
  private static final Set<String> READ_SIDE = Set.of("read", "access", "down_read", "down_read(acquired)",
      "down_read_trylock", "up_read", "read_seqcount_begin", "read_seqcount_retry", "rcu_read_lock",
      "rcu_read_unlock");
  /** rwsem requests (FIFO tickets): ordered only against other requests and trylocks. */
  private static final Set<String> ARRIVAL = Set.of("down_read", "down_write");
  private static final Set<String> LOCAL = Set.of("choose", "yield", "might_sleep", "spawn", "alloc",
      "rcu_read_lock(nested)", "rcu_read_unlock(nested)");
  private static final Set<String> RCU_SECTION = Set.of("rcu_read_lock", "rcu_read_unlock");

  private final List<Event> events = new ArrayList<>();
  /** Canonical forms, with how many explored executions had each. */
  final Map<String, Integer> classes = new HashMap<>();
  int maximal;

  @Override
  public void executionStarted(ExecutionContext ctx) {
    events.clear();
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event event) {
    events.add(event);
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    if (end == ExecutionEnd.COMPLETED || end == ExecutionEnd.DEADLOCK) {
      maximal++;
      classes.merge(canonical(events) + " end=" + end, 1, Integer::sum);
    }
  }

  /** The fast path of a blocking acquisition under a giant lock is that primitive's trylock. */
  private static final java.util.Map<String, String> ATTEMPT = java.util.Map.of("down", "down_trylock",
      "down_read", "down_read_trylock", "down_write", "down_write_trylock", "mutex_lock", "mutex_trylock",
      "lock_page", "trylock_page", "wait_for_completion", "try_wait_for_completion");

  private static String op(Event e) {
    String op = e.op();
    return op.endsWith("(attempt)") ? ATTEMPT.get(op.substring(0, op.length() - "(attempt)".length())) : op;
  }

  static boolean dependent(Event a, Event b) {
    String oa = op(a);
    String ob = op(b);
    if (LOCAL.contains(oa) || LOCAL.contains(ob)) {
      return false;
    }
    if (oa.equals("rcu_grace_period") || ob.equals("rcu_grace_period")) {
      Event gp = oa.equals("rcu_grace_period") ? a : b;
      Event other = gp == a ? b : a;
      return RCU_SECTION.contains(op(other)) && other.object().equals(gp.object())
          && ((List<?>) gp.value()).contains(other.thread().name());
    }
    if (a.object().equals(b.object())) {
      boolean arrA = ARRIVAL.contains(oa);
      boolean arrB = ARRIVAL.contains(ob);
      if (arrA != arrB && !oa.endsWith("trylock") && !ob.endsWith("trylock")) {
        return false;
      }
      return !(readSide(a, oa) && readSide(b, ob));
    }
    return (a.op().equals("free") && b.object().startsWith(a.object() + "."))
        || (b.op().equals("free") && a.object().startsWith(b.object() + "."));
  }

  /** A failed compare-and-exchange only reads. */
  private static boolean readSide(Event e, String op) {
    return READ_SIDE.contains(op) || (op.equals("cmpxchg") && Boolean.FALSE.equals(e.value()));
  }

  static String canonical(List<Event> es) {
    Map<Integer, Integer> count = new HashMap<>();
    String[] id = new String[es.size()];
    Set<String> nodes = new TreeSet<>();
    for (int i = 0; i < es.size(); i++) {
      Event e = es.get(i);
      int k = count.merge(e.thread().id(), 1, Integer::sum);
      id[i] = e.thread().name() + "#" + k;
      nodes.add(id[i] + ":" + e.op() + "(" + e.object() + ")=" + e.value());
    }
    Set<String> edges = new TreeSet<>();
    for (int j = 0; j < es.size(); j++) {
      for (int i = 0; i < j; i++) {
        if (es.get(i).thread().id() != es.get(j).thread().id() && dependent(es.get(i), es.get(j))) {
          edges.add(id[i] + "<" + id[j]);
        }
      }
    }
    return nodes + " " + edges;
  }

  static final long MAX_EXECUTIONS = 100_000;

  /** Explores {@code s} with {@code strategy} and returns the recorded classes. */
  static TraceClasses explore(Scenario s, SearchOptions.Strategy strategy) {
    TraceClasses tc = new TraceClasses();
    Result r = Checker.of(s).with(tc).options(SearchOptions.defaults().withStrategy(strategy)
        .withMaxExecutions(MAX_EXECUTIONS)).run();
    if (r instanceof Result.ModelError e) {
      throw new AssertionError("model error: " + e.message());
    }
    org.junit.jupiter.api.Assumptions.assumeFalse(r instanceof Result.BoundReached,
        "program too large for brute force (" + MAX_EXECUTIONS + " executions)");
    return tc;
  }
}
