package dev.mmcheck.engine;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one search loop: stateless depth-first exploration. Each execution re-runs the
 * scenario from the start, replaying the current path up to its deepest changed decision and
 * then scheduling freshly (preferring the thread that ran last, to avoid preemptions). After
 * each execution the {@link Reduction} updates backtrack sets; then the deepest decision with
 * an unexplored alternative (a thread in its backtrack set, not done and not asleep, or the
 * next value of a {@code choose}) is taken.
 *
 * <p>Subtrees ({@link SearchOptions#subtree()}): the decisions above the prefix's length are
 * forced to the prefix's and never backtracked, so the search is exactly the part of the full
 * search below that prefix. Splitting ({@link #Explorer(Scenario, SearchOptions, Dispatch,
 * Checker.Control, int)}): an execution that reaches a fresh decision at the split depth is
 * stopped there and not counted; its decisions become a {@link SearchSplit.Prefix}, and every
 * execution that ends earlier becomes a {@link SearchSplit.Executed}, in the search's order.
 *
 * <p>Runs on one thread (the explorer's virtual thread); not thread-safe.
 */
final class Explorer implements Decider {
  private final Scenario scenario;
  private final SearchOptions opt;
  private final Dispatch ls;
  private final Reduction reduction;
  private final List<Node> path = new ArrayList<>();
  private final ThreadIds threadIds = new ThreadIds();
  private final java.util.Map<String, Object> shared = new java.util.HashMap<>();
  private int replayDepth;
  private final Set<Bound> boundsHit = EnumSet.noneOf(Bound.class);
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

  /** The execution running now: read (racily) by the stall watchdog. */
  volatile Execution currentExecution;
  private long executions;
  private final Tally tally = new Tally();
  private long peakHeap;
  private long startNanos;

  private final Checker.Control control;
  /** The forced decisions ({@link SearchOptions#subtree()}); backtracking stays below them. */
  private final List<Decision> prefix;
  /** Splitting: the depth at which executions are cut, or -1 for a normal search. */
  private final int splitDepth;
  /** Splitting: the parts so far, in order; null for a normal search. */
  private final List<SearchSplit.Item> splitItems;
  /** Splitting: the current execution was cut at the split depth (it is not counted). */
  private boolean splitCut;
  private List<Decision> splitPrefix;

  Explorer(Scenario scenario, SearchOptions opt, Dispatch ls, Checker.Control control) {
    this(scenario, opt, ls, control, -1);
  }

  /** {@code splitDepth} &gt;= 0: a split search ({@link #splitItems()}); -1: a normal one. */
  Explorer(Scenario scenario, SearchOptions opt, Dispatch ls, Checker.Control control, int splitDepth) {
    this.scenario = scenario;
    this.opt = opt;
    this.ls = ls;
    this.control = control;
    this.reduction = Reduction.of(opt.strategy());
    this.prefix = opt.subtree();
    this.splitDepth = splitDepth;
    this.splitItems = splitDepth >= 0 ? new ArrayList<>() : null;
  }

  /** A split search's parts, in depth-first order (after {@link #explore}). */
  /** Keys of the state listeners shared across the executions of this search (sorted). */
  List<String> sharedKeys() {
    return new java.util.TreeSet<>(shared.keySet()).stream().toList();
  }

  List<SearchSplit.Item> splitItems() {
    return splitItems;
  }

  /** A split search: the bounds noted since the last part (then forgotten). */
  List<Bound> takeBounds() {
    List<Bound> b = new ArrayList<>(boundsHit);
    boundsHit.clear();
    return b;
  }

  /** Runs the search; the model threads of its executions run on {@code carrier}. */
  Result explore(Carrier carrier) {
    startNanos = System.nanoTime();
    Map<String, Counterexample> found = new LinkedHashMap<>();
    long deadline = opt.timeLimit().isZero() ? Long.MAX_VALUE : startNanos + opt.timeLimit().toNanos();
    while (true) {
      executions++;
      Execution ex = new Execution(this, ls, (int) Math.min(executions, Integer.MAX_VALUE), opt.depthLimit(), false,
          threadIds, !opt.multipleErrors(), opt.spinLimit());
      if (opt.subtree().isEmpty()) {
        ex.shared = (k, make) -> shared.computeIfAbsent(k, x -> make.get());
      } else {
        // a subtree search sees part of the executions: state meant to span them all would be
        // checked on that part only, and a verdict could hold that the whole search refutes
        ex.shared = (k, make) -> {
          throw new UnsupportedOperationException("a property keeps state across executions (searchShared key "
              + k + "), which a subtree search (a cluster member) sees only part of; check it in one JVM");
        };
      }
      ex.carrier = carrier;
      currentExecution = ex;
      ExecutionEnd end = ex.run(scenario);
      if (splitCut) {
        // cut at the split depth: a subtree for later, not an execution of this search
        splitCut = false;
        executions--;
        splitItems.add(new SearchSplit.Prefix(splitPrefix, takeBounds()));
        if (!backtrack(ex)) {
          break;
        }
        if (control.interrupted()) {
          boundsHit.add(Bound.INTERRUPTED);
          break;
        }
        continue;
      }
      if (end != ExecutionEnd.MODEL_ERROR && !prefix.isEmpty()) {
        String misfit = prefixMisfit(ex);
        if (misfit != null) {
          return new Result.ModelError(misfit, null, statistics());
        }
      }
      tally.add(ex, end, boundsHit);
      if (end == ExecutionEnd.MODEL_ERROR) {
        return new Result.ModelError(ex.errorMessage, ex.counterexample(null), statistics());
      }
      Map<String, Counterexample> mine = splitItems == null ? found : new LinkedHashMap<>();
      if (!ex.violations.isEmpty()) {
        for (Violation v : ex.violations) {
          if (!found.containsKey(v.key()) || (splitItems != null && !mine.containsKey(v.key()))) {
            Counterexample c = ex.counterexample(v);
            found.putIfAbsent(v.key(), c);
            mine.putIfAbsent(v.key(), c);
          }
        }
      }
      if (splitItems != null) {
        splitItems.add(new SearchSplit.Executed(end, ex.ops.size(), ex.violations.size(), new ArrayList<>(mine.values()),
            takeBounds()));
      }
      if (!ex.violations.isEmpty() && !opt.multipleErrors()) {
        break;
      }
      if ((executions & 255) == 0) {
        sampleHeap();
      }
      reduction.afterExecution(ex, path, Math.max(0, replayDepth - 1));
      if (!backtrack(ex)) {
        break;
      }
      if (opt.maxExecutions() > 0 && executions >= opt.maxExecutions()) {
        boundsHit.add(Bound.MAX_EXECUTIONS);
        break;
      }
      if (System.nanoTime() > deadline) {
        boundsHit.add(Bound.TIME_LIMIT);
        break;
      }
      if (control.interrupted()) {
        boundsHit.add(Bound.INTERRUPTED);
        break;
      }
    }
    sampleHeap();
    currentExecution = null;
    reduction.release();
    Statistics stats = statistics();
    for (SearchListener l : ls.search) {
      l.searchFinished(stats);
    }
    if (!found.isEmpty()) {
      return new Result.ViolationsFound(new ArrayList<>(found.values()), new ArrayList<>(boundsHit), stats);
    }
    if (!boundsHit.isEmpty()) {
      return new Result.BoundReached(new ArrayList<>(boundsHit), stats);
    }
    return new Result.Verified(stats);
  }

  private void sampleHeap() {
    peakHeap = Math.max(peakHeap, memory.getHeapMemoryUsage().getUsed());
  }

  Statistics statistics() {
    long wall = (System.nanoTime() - startNanos) / 1_000_000;
    return tally.statistics(executions, wall, peakHeap);
  }

  // ---- Decider ----

  @Override
  public int pick(Execution ex, long enabled, int prev) {
    int n = ex.eventCount();
    if (n < replayDepth) {
      Node node = path.get(n);
      int tid = node.chosen;
      if (enabled != node.enabled) {
        return ex.modelError(divergence(n, "the enabled threads differ (" + mask(ex, node.enabled) + " before, "
            + mask(ex, enabled) + " now)"));
      }
      ModelThread t = ex.thread(tid);
      if (t == null || (enabled & (1L << tid)) == 0) {
        return ex.modelError(divergence(n, "thread " + tid + " is not enabled"));
      }
      Op now = t.pending;
      if (node.chosenCode == null) {
        Node.Expect e = reduction.expected(node, tid);
        if (e != null && !e.matches(now)) {
          return ex.modelError(divergence(n, t.name + " does " + now + ", in an earlier execution it did "
              + e.code().opName + " here"));
        }
        node.chosenCode = now.code;
        node.chosenKey = now.target == null ? -1 : now.target.key;
      } else if (now.code != node.chosenCode || (now.target == null ? -1 : now.target.key) != node.chosenKey) {
        return ex.modelError(divergence(n, t.name + " did " + now + ", before it did " + node.chosenCode.opName));
      }
      return tid;
    }
    if (n == splitDepth) {
      List<Decision> ds = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        Node d = path.get(i);
        ds.add(new Decision(d.chosen, d.choiceCount > 0 ? d.choiceValue : -1));
      }
      splitPrefix = ds;
      splitCut = true;
      ex.end = ExecutionEnd.DEPTH_BOUND;
      return -1;
    }
    Node parent = n == 0 ? null : path.get(n - 1);
    List<Node.Asleep> sleep = parent != null && reduction.sleepSets() ? childSleep(parent, ex.footprint(n - 1)) : List.of();
    Node node = new Node(enabled, sleep, prev, parent == null ? 0 : parent.preemptionsAfter());
    long candidates = enabled & ~node.sleepMask;
    if (candidates == 0) {
      return -1;
    }
    // a thread repeating a busy-wait iteration is not preferred: let the others make progress,
    // if the preemption bound allows it (else the node would be cut, and with it the
    // executions in which the spinning thread goes on)
    boolean mayPreempt = opt.preemptionBound() < 0 || node.preemptionsBefore < opt.preemptionBound();
    int preferred = mayPreempt && prev >= 0 && ex.thread(prev).spin.repeats() > 0 && (candidates & ~(1L << prev)) != 0
        ? Long.numberOfTrailingZeros(candidates & ~(1L << prev)) : prev;
    int tid;
    if (n < prefix.size()) {
      tid = prefix.get(n).thread();
      if (tid >= Execution.MAX_THREADS || (candidates & (1L << tid)) == 0) {
        return ex.modelError(misfit(n, "the prefix runs thread " + tid + ", which is not enabled (enabled: "
            + mask(ex, enabled) + ")"));
      }
    } else {
      tid = reduction.first(node, parent, candidates, preferred);
    }
    if (!preemptionAllowed(node, tid)) {
      boundsHit.add(Bound.PREEMPTION_BOUND);
      ex.cutByPreemption = true;
      ex.end = ExecutionEnd.DEPTH_BOUND;
      return -1;
    }
    node.choose(tid);
    Op now = ex.thread(tid).pending;
    node.chosenCode = now.code;
    node.chosenKey = now.target == null ? -1 : now.target.key;
    path.add(node);
    return tid;
  }

  private static String divergence(int n, String what) {
    return "nondeterministic model: replaying the schedule, at event " + n + " " + what
        + ". Model code must make the same calls given the same schedule (no randomness, clocks, "
        + "hash-order iteration or state kept across executions).";
  }

  private static String misfit(int n, String what) {
    return "subtree prefix does not fit the scenario at event " + n + ": " + what;
  }

  /** Why {@code ex} does not start with the whole prefix (too short, a choice on a non-choose event), or null. */
  private String prefixMisfit(Execution ex) {
    if (ex.eventCount() < prefix.size() && ex.violations.isEmpty()) {
      return misfit(ex.eventCount(), "the execution ended (" + ex.end + ") before the prefix's "
          + prefix.size() + " decisions");
    }
    for (int i = 0; i < Math.min(prefix.size(), ex.eventCount()); i++) {
      if (prefix.get(i).choice() != ex.choiceAt(i)) {
        return misfit(i, "the prefix has choice " + prefix.get(i).choice() + ", the event "
            + (ex.choiceAt(i) < 0 ? "is not a choose" : "chose " + ex.choiceAt(i)));
      }
    }
    return null;
  }

  private static String mask(Execution ex, long m) {
    List<String> names = new ArrayList<>();
    for (ModelThread t : ex.threadList()) {
      if ((m & (1L << t.id)) != 0) {
        names.add(t.name);
      }
    }
    return names.toString();
  }

  @Override
  public int choose(Execution ex, int index, int n) {
    Node node = path.get(index);
    if (node.choiceCount == 0) {
      node.choiceCount = n;
      node.choicesDone = new BitSet(n);
      if (index < prefix.size()) {
        int c = prefix.get(index).choice();
        if (c < 0 || c >= n) {
          ex.modelError(misfit(index, "choose(" + n + ") where the prefix has choice " + c));
          return -1;
        }
        node.choiceValue = c;
      } else {
        node.choiceValue = reduction.initialChoice(node, n);
      }
    } else if (node.choiceCount != n) {
      ex.modelError(divergence(index, "choose(" + n + ") was choose(" + node.choiceCount + ")"));
      return -1;
    }
    return node.choiceValue;
  }

  private boolean preemptionAllowed(Node node, int tid) {
    return opt.preemptionBound() < 0 || !node.preempts(tid) || node.preemptionsBefore < opt.preemptionBound();
  }

  /**
   * The sleep set after {@code parent}'s event (footprint {@code executed}): the threads asleep
   * or already explored at the parent whose next event is independent of it.
   */
  private static List<Node.Asleep> childSleep(Node parent, Footprint executed) {
    List<Node.Asleep> out = null;
    for (int pass = 0; pass < 2; pass++) {
      for (Node.Asleep a : pass == 0 ? parent.sleep : parent.done) {
        if (a.tid() != parent.chosen && !a.footprint().conflicts(executed)) {
          if (out == null) {
            out = new ArrayList<>(2);
          }
          out.add(a);
        }
      }
    }
    return out == null ? List.of() : out;
  }

  /** Moves to the next unexplored alternative; false when the search is complete. */
  private boolean backtrack(Execution last) {
    for (int i = path.size() - 1; i >= prefix.size(); i--) {
      Node node = path.get(i);
      if (node.choiceCount > 0) {
        node.choicesDone.set(node.choiceValue);
        int v = reduction.nextChoice(node);
        if (v >= 0) {
          node.choiceValue = v;
          truncate(i);
          return true;
        }
      }
      node.markChosenDone(i < last.eventCount() ? last.footprint(i) : Footprint.EMPTY);
      for (int tid = reduction.nextThread(node); tid >= 0; tid = reduction.nextThread(node)) {
        if (preemptionAllowed(node, tid)) {
          node.choose(tid);
          node.chosenCode = null;
          truncate(i);
          return true;
        }
        boundsHit.add(Bound.PREEMPTION_BOUND);
        reduction.drop(node, tid);
      }
    }
    return false;
  }

  private void truncate(int keepThrough) {
    while (path.size() > keepThrough + 1) {
      path.remove(path.size() - 1);
    }
    replayDepth = keepThrough + 1;
  }
}
