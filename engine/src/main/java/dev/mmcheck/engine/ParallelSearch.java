package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The unreduced search ({@link SearchOptions.Strategy#EXHAUSTIVE}) on several workers
 * ({@link SearchOptions#workers()} &gt; 1): every interleaving once, exactly as one worker
 * explores them, in another order.
 *
 * <p>The tree: a {@link PNode} is a decision point (the state after a schedule prefix); its
 * branches are every enabled thread (and, for a {@code choose}, every value). A worker
 * <em>claims</em> a pending branch, replays the prefix up to its node, runs the branch and
 * continues depth first below it, creating nodes as it goes. A worker whose subtree is done
 * <em>steals</em>: it claims the pending branch nearest the root on the path of a busy worker
 * (the biggest subtree left, so steals are rare), or waits. Every branch goes pending -&gt; active
 * (claimed) -&gt; done (its subtree fully explored); a node is finished when it has neither
 * pending nor active branches, and then its own branch in its parent is done. The search ends
 * when every worker is idle (then no branch is pending: a pending branch is always on the path
 * of the busy worker that made its node). The tree holds the open paths only: a done branch
 * drops its subtree. Without a reduction no branch depends on
 * another, so the executions are exactly those of the sequential search and the counts,
 * verdicts and violation sets are the same (tested in {@code ParallelSearchTest}). The tree is
 * guarded by one lock; executions run without it.
 *
 * <p>Why not DPOR: optimal DPOR's sleep sets and wakeup-tree insertions assume that the branches
 * of a node are explored one after the other, each seeing what the earlier ones inserted; a
 * parallel form that explores sibling branches concurrently with claim-order sleep sets was
 * built and lost traces in the tests (a branch inserted at a node after a concurrently
 * explored sibling had already made it redundant in the sequential order), so DPOR stays
 * sequential (see BENCHMARKS.md).
 *
 * <p>Listeners are created per worker ({@code listeners} supplier): their per-execution state
 * is never shared. State that must span the whole search (lock-order edges) goes through
 * {@link ExecutionContext#searchShared}.
 */
final class ParallelSearch {
  /** A decision point of the shared tree. All mutable state is guarded by the search's lock. */
  static final class PNode {
    final PNode parent;
    /** The parent's branch that leads here (null at the root). */
    final WakeupTree via;
    final long enabled;
    final int prev;
    final int preemptionsBefore;
    final List<WakeupTree> wakeup;
    /** Finished branches: thread, footprint, choice value. */
    final List<WakeupTree> done = new ArrayList<>(2);
    int active;

    PNode(PNode parent, WakeupTree via, long enabled, int prev, int preemptionsBefore) {
      this.parent = parent;
      this.via = via;
      this.enabled = enabled;
      this.prev = prev;
      this.preemptionsBefore = preemptionsBefore;
      this.wakeup = via == null ? new ArrayList<>(1) : via.children;
    }

    boolean preempts(int tid) {
      return prev >= 0 && tid != prev && (enabled & (1L << prev)) != 0;
    }

    boolean finishable() {
      if (active > 0) {
        return false;
      }
      for (WakeupTree b : wakeup) {
        if (b.state == WakeupTree.PENDING) {
          return false;
        }
      }
      return true;
    }
  }

  private record Entry(PNode node, WakeupTree branch) {}

  private final Scenario scenario;
  private final SearchOptions opt;
  private final Supplier<List<Listener>> listeners;
  private final Checker.Control control;
  private final ThreadIds threadIds = new ThreadIds();
  private final Object lock = new Object();
  /** Workers waiting in {@link #take} (guarded by the lock); the search is over when all are. */
  private volatile int idleWorkers;
  private boolean over;
  private final AtomicLong executionNumbers = new AtomicLong();
  private final Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Counterexample> found = new LinkedHashMap<>();
  /** Concurrent: a worker adds to it at its private nodes without the lock. */
  private final Set<Bound> boundsHit = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private volatile boolean stop;
  private volatile Result.ModelError modelError;
  private long completed;
  private long deadlocked;
  private long sleepBlocked;
  private long bounded;
  private long violationCount;
  private long events;
  private int maxDepth;
  private long startNanos;
  private long deadline;
  final List<Worker> workers = new ArrayList<>();

  ParallelSearch(Scenario scenario, SearchOptions opt, Supplier<List<Listener>> listeners, Checker.Control control) {
    this.scenario = scenario;
    this.opt = opt;
    this.listeners = listeners;
    this.control = control;
  }

  /** Runs the search on {@code opt.workers()} workers; returns when the tree is finished or the search stopped. */
  Result explore() {
    startNanos = System.nanoTime();
    deadline = opt.timeLimit().isZero() ? Long.MAX_VALUE : startNanos + opt.timeLimit().toNanos();
    for (int w = 0; w < opt.workers(); w++) {
      workers.add(new Worker(new Dispatch(listeners.get()), Carrier.own("mmcheck-carrier-" + w)));
    }
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      Worker wk = workers.get(w);
      boolean first = w == 0;
      threads.add(wk.carrier.unstarted("mmcheck-worker-" + w, () -> wk.run(first)));
    }
    threads.forEach(Thread::start);
    try {
      for (Thread t : threads) {
        t.join();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      stop = true;
    }
    workers.forEach(w -> w.carrier.close());
    Statistics stats = statistics();
    for (Worker w : workers) {
      for (SearchListener l : w.ls.search) {
        l.searchFinished(stats);
      }
    }
    if (modelError != null) {
      return new Result.ModelError(modelError.message(), modelError.context(), stats);
    }
    synchronized (lock) {
      if (!found.isEmpty()) {
        return new Result.ViolationsFound(new ArrayList<>(found.values()), bounds(), stats);
      }
      if (!boundsHit.isEmpty()) {
        return new Result.BoundReached(bounds(), stats);
      }
    }
    return new Result.Verified(stats);
  }

  /** The bounds hit, in their declaration order (as a sequential search lists them). */
  private List<Bound> bounds() {
    return boundsHit.isEmpty() ? List.of() : new ArrayList<>(EnumSet.copyOf(boundsHit));
  }

  Statistics statistics() {
    synchronized (lock) {
      return new Statistics(executionNumbers.get(), completed, deadlocked, sleepBlocked, bounded, violationCount,
          events, maxDepth, (System.nanoTime() - startNanos) / 1_000_000, 0);
    }
  }

  /** The executions in progress (for the stall watchdog). */
  List<Execution> current() {
    List<Execution> out = new ArrayList<>();
    for (Worker w : workers) {
      Execution e = w.current;
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  <T> T shared(String key, Supplier<T> make) {
    return (T) shared.computeIfAbsent(key, k -> make.get());
  }

  // ---- the tree (all under lock) ----

  private boolean preemptionAllowed(PNode node, int tid) {
    return opt.preemptionBound() < 0 || !node.preempts(tid) || node.preemptionsBefore < opt.preemptionBound();
  }

  /** Claims the first pending branch of {@code node} that can run there, or returns null. */
  private WakeupTree claimNext(PNode node) {
    for (int i = 0; i < node.wakeup.size(); i++) {
      WakeupTree b = node.wakeup.get(i);
      if (b.state != WakeupTree.PENDING) {
        continue;
      }
      long bit = 1L << b.tid;
      if ((node.enabled & bit) == 0 || !preemptionAllowed(node, b.tid)) {
        if ((node.enabled & bit) != 0) {
          boundsHit.add(Bound.PREEMPTION_BOUND);
        }
        node.wakeup.remove(i--); // beyond the preemption bound
        continue;
      }
      b.state = WakeupTree.ACTIVE;
      node.active++;
      return b;
    }
    return null;
  }

  private void finish(PNode node, WakeupTree b) {
    if (b.state != WakeupTree.ACTIVE) {
      return;
    }
    b.state = WakeupTree.DONE;
    node.wakeup.remove(b);
    node.done.add(b);
    node.active--;
    // its subtree is explored: keep only what later choices at this node read (thread, value),
    // so that the search retains its open frontier, not every node it ever made
    b.node = null;
    b.children.clear();
  }

  /**
   * The next subtree for {@code me}, whose own is done: a pending branch on the path of a busy
   * worker, nearest the root (not at the last node of a path, whose branch has not run yet),
   * as the whole path to it; or null when the search is over. Waits while no branch is pending.
   */
  private List<Entry> take(Worker me) {
    synchronized (lock) {
      me.idle = true;
      idleWorkers++;
      try {
        while (!stop && !over) {
          if (me.assigned != null) {
            List<Entry> given = me.assigned;
            me.assigned = null;
            return given;
          }
          List<Entry> stolen = steal(me);
          if (stolen != null) {
            return stolen;
          }
          if (idleWorkers == workers.size() && workers.stream().allMatch(w -> w.assigned == null)) {
            over = true;
            lock.notifyAll();
            return null;
          }
          try {
            lock.wait(2);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop = true;
          }
        }
        return null;
      } finally {
        idleWorkers--;
        me.idle = false;
      }
    }
  }

  /**
   * Under the lock, by a busy worker that just published its path: claims work for every idle
   * worker that has none (so that an idle worker gets work even when the scheduler does not
   * run it before the busy one claims the branch itself).
   */
  private void feedIdle() {
    boolean fed = false;
    for (Worker w : workers) {
      if (w.idle && w.assigned == null) {
        List<Entry> p = steal(w);
        if (p == null) {
          break;
        }
        w.assigned = p;
        fed = true;
      }
    }
    if (fed) {
      lock.notifyAll();
    }
  }

  /** Under the lock: claims the pending branch nearest the root on a busy worker's path. */
  private List<Entry> steal(Worker me) {
    int longest = 0;
    for (Worker w : workers) {
      if (!w.idle) {
        longest = Math.max(longest, w.stealable + 1);
      }
    }
    for (int k = 0; k < longest - 1; k++) {
      for (Worker w : workers) {
        if (w == me || w.idle || k >= w.stealable) {
          continue;
        }
        Entry e = w.visible[k];
        WakeupTree b = claimNext(e.node());
        if (b != null) {
          List<Entry> out = new ArrayList<>(k + 1);
          for (int i = 0; i < k; i++) {
            out.add(w.visible[i]);
          }
          out.add(new Entry(e.node(), b));
          return out;
        }
      }
    }
    return null;
  }

  private static boolean hasPending(PNode node) {
    for (WakeupTree b : node.wakeup) {
      if (b.state == WakeupTree.PENDING) {
        return true;
      }
    }
    return false;
  }

  /** One worker: its own listeners, race analysis and path; the tree is shared. */
  final class Worker implements Decider {
    final Dispatch ls;
    private final List<Entry> path = new ArrayList<>();
    private int replayDepth;
    private int rootDepth;
    volatile Execution current;
    /** In {@link #take} (guarded by the lock): its path is not a busy one. */
    boolean idle;
    /** Work a busy worker claimed for it while it was idle (guarded by the lock), or null. */
    List<Entry> assigned;
    /**
     * The path as other workers may see it (guarded by the lock): a copy made at each
     * backtrack. Nodes the worker creates during an execution stay private to it until then, so
     * that a scheduling point takes no lock.
     */
    Entry[] visible = new Entry[64];
    int visibleSize;
    /** Visible entries whose branch has run (its event executed): other workers may claim at their nodes. */
    int stealable;
    /** The platform thread that runs this worker and its model threads (one core per worker). */
    final Carrier carrier;

    Worker(Dispatch ls, Carrier carrier) {
      this.ls = ls;
      this.carrier = carrier;
    }

    void run(boolean startAtRoot) {
      try {
        if (startAtRoot) {
          rootDepth = 0;
          replayDepth = 0;
          explore();
        }
        for (List<Entry> p = take(this); p != null; p = take(this)) {
          synchronized (lock) {
            path.clear();
            path.addAll(p);
            publish(path.size() - 1);
          }
          rootDepth = path.size() - 1;
          replayDepth = path.size();
          explore();
        }
      } catch (RuntimeException | Error e) {
        modelError = new Result.ModelError("engine failure in a search worker: " + e, null, null);
        stop = true;
      }
    }

    /** Executions until this worker's subtree is done (or the search stops). */
    private void explore() {
      while (!stop) {
        if (control.interrupted()) {
          synchronized (lock) {
            boundsHit.add(Bound.INTERRUPTED);
          }
          stop = true;
          return;
        }
        long number = executionNumbers.incrementAndGet();
        if (opt.maxExecutions() > 0 && number > opt.maxExecutions()) {
          executionNumbers.decrementAndGet();
          synchronized (lock) {
            boundsHit.add(Bound.MAX_EXECUTIONS);
          }
          stop = true;
          return;
        }
        if (System.nanoTime() > deadline) {
          synchronized (lock) {
            boundsHit.add(Bound.TIME_LIMIT);
          }
          stop = true;
          return;
        }
        Execution ex = new Execution(this, ls, (int) Math.min(number, Integer.MAX_VALUE), opt.depthLimit(), false,
            threadIds, !opt.multipleErrors(), opt.spinLimit());
        ex.shared = (k, make) -> shared(k, make);
        ex.carrier = carrier;
        current = ex;
        ExecutionEnd end = ex.run(scenario);
        current = null;
        if (end == ExecutionEnd.MODEL_ERROR) {
          modelError = new Result.ModelError(ex.errorMessage, counterexample(ex, null), null);
          stop = true;
          return;
        }
        record(ex, end);
        if (stop) {
          return;
        }
        if (!backtrack(ex)) {
          return;
        }
      }
    }

    private void record(Execution ex, ExecutionEnd end) {
      synchronized (lock) {
        events += ex.ops.size();
        maxDepth = Math.max(maxDepth, ex.ops.size());
        switch (end) {
          case COMPLETED -> completed++;
          case DEADLOCK -> deadlocked++;
          case VIOLATION, MODEL_ERROR -> { }
          case DEPTH_BOUND -> {
            bounded++;
            boundsHit.add(ex.cutByPreemption ? Bound.PREEMPTION_BOUND : Bound.DEPTH_LIMIT);
          }
          case SLEEP_BLOCKED -> sleepBlocked++;
          case SPIN_BOUND -> {
            bounded++;
            boundsHit.add(Bound.SPIN_LIMIT);
          }
        }
        violationCount += ex.violations.size();
      }
      for (Violation v : ex.violations) {
        boolean fresh;
        synchronized (lock) {
          fresh = !found.containsKey(v.key());
          if (fresh) {
            found.put(v.key(), null);
          }
        }
        if (fresh) {
          Counterexample c = counterexample(ex, v);
          synchronized (lock) {
            found.put(v.key(), c);
          }
        }
      }
      if (!ex.violations.isEmpty() && !opt.multipleErrors()) {
        stop = true;
      }
    }

    private Counterexample counterexample(Execution ex, Violation v) {
      int length = v == null ? ex.ops.size() : Math.min(ex.ops.size(), v.eventIndex() + 1);
      List<Schedule.Step> steps = new ArrayList<>();
      for (int i = 0; i < length; i++) {
        Op op = ex.ops.get(i);
        steps.add(new Schedule.Step(ex.tid(i), ex.thread(ex.tid(i)).name, ex.choiceAt(i), op.name(), op.objectName()));
      }
      Schedule schedule = new Schedule(scenario.name(), Map.of(), steps);
      return Replayer.capture(scenario, schedule, opt.depthLimit(), v, ex.end, ex.executionNumber());
    }

    /**
     * Under the lock: lets other workers see the path and claim branches at its first
     * {@code ran} nodes (those whose branch on this path has run; the last one, just claimed,
     * has not yet when called from backtrack).
     */
    private void publish(int ran) {
      stealable = ran;
      if (visible.length < path.size()) {
        visible = new Entry[Math.max(path.size(), 2 * visible.length)];
      }
      int n = path.size();
      for (int i = 0; i < n; i++) {
        visible[i] = path.get(i);
      }
      for (int i = n; i < visibleSize; i++) {
        visible[i] = null;
      }
      visibleSize = n;
    }

    /** Finishes what is done on this worker's path and claims the next branch of its subtree. */
    private boolean backtrack(Execution last) {
      synchronized (lock) {
        for (int k = path.size() - 1; k >= rootDepth; k--) {
          Entry e = path.get(k);
          PNode y = e.branch().node;
          if (y == null || y.finishable()) {
            finish(e.node(), e.branch());
          }
          WakeupTree next = claimNext(e.node());
          if (next != null) {
            while (path.size() > k) {
              path.remove(path.size() - 1);
            }
            path.add(new Entry(e.node(), next));
            replayDepth = k + 1;
            publish(path.size() - 1);
            if (idleWorkers > 0) {
              feedIdle();
            }
            return true;
          }
        }
        // the subtree this worker took is left: finish ancestors that are now complete
        for (int k = rootDepth - 1; k >= 0; k--) {
          Entry e = path.get(k);
          PNode y = e.branch().node;
          if (y == null || y.finishable()) {
            finish(e.node(), e.branch());
          } else {
            break;
          }
        }
        return false;
      }
    }

    // ---- Decider ----

    @Override
    public int pick(Execution ex, long enabled, int prev) {
      int n = ex.eventCount();
      if (n < replayDepth) {
        Entry e = path.get(n);
        if (enabled != e.node().enabled) {
          return ex.modelError("nondeterministic model: replaying the schedule, at event " + n
              + " the enabled threads differ");
        }
        WakeupTree b = e.branch();
        ModelThread t = ex.thread(b.tid);
        if (t == null || (enabled & (1L << b.tid)) == 0) {
          return ex.modelError("nondeterministic model: replaying the schedule, at event " + n + " thread "
              + b.tid + " is not enabled");
        }
        if (b.expect != null && !b.expect.matches(t.pending)) {
          return ex.modelError("nondeterministic model: replaying the schedule, at event " + n + " " + t.name
              + " does " + t.pending + ", in an earlier execution it did " + b.expect.code().opName + " here");
        }
        return b.tid;
      }
      if (idleWorkers > 0 && n > stealable) {
        // a worker is waiting for work: show it this path (every branch on it has run)
        synchronized (lock) {
          publish(n);
          feedIdle();
        }
      }
      {
        // a fresh node is private to this worker until it publishes its path: no lock
        PNode node;
        if (n == 0) {
          node = new PNode(null, null, enabled, prev, 0);
        } else {
          Entry parent = path.get(n - 1);
          int pre = parent.node().preemptionsBefore + (parent.node().preempts(parent.branch().tid) ? 1 : 0);
          node = new PNode(parent.node(), parent.branch(), enabled, prev, pre);
          parent.branch().node = node;
        }
        long candidates = enabled;
        // every enabled thread is a branch; the thread that ran last first (fewer preemptions)
        if (prev >= 0 && (candidates & (1L << prev)) != 0) {
          node.wakeup.add(branch(ex, prev));
        }
        for (long add = candidates & ~(prev >= 0 ? 1L << prev : 0); add != 0; add &= add - 1) {
          node.wakeup.add(branch(ex, Long.numberOfTrailingZeros(add)));
        }
        WakeupTree b = claimNext(node);
        if (b == null) {
          boundsHit.add(Bound.PREEMPTION_BOUND);
          ex.cutByPreemption = true;
          ex.end = ExecutionEnd.DEPTH_BOUND;
          return -1;
        }
        path.add(new Entry(node, b)); // its other branches can be stolen once b's event has run
        return b.tid;
      }
    }

    /** A branch for thread {@code tid} at a fresh node, remembering its op (to detect nondeterminism). */
    private WakeupTree branch(Execution ex, int tid) {
      WakeupTree b = new WakeupTree(tid, null, -1);
      b.expect = Node.Expect.of(tid, ex.thread(tid).pending);
      return b;
    }

    @Override
    public int choose(Execution ex, int index, int n) {
      Entry e = path.get(index);
      WakeupTree b = e.branch();
      synchronized (lock) {
        if (b.choiceCount == 0) {
          // first time this branch's choose runs: it is one value; every other value is a branch too
          b.choiceCount = n;
          if (b.choice < 0) {
            b.choice = 0;
          }
          b.footprint = Footprint.EMPTY;
          PNode node = e.node();
          BitSet have = new BitSet(n);
          for (List<WakeupTree> l : List.of(node.wakeup, node.done)) {
            for (WakeupTree c : l) {
              if (c.tid == b.tid && c.choice >= 0) {
                have.set(c.choice);
                c.choiceCount = n;
              }
            }
          }
          for (int v = 0; v < n; v++) {
            if (!have.get(v)) {
              WakeupTree sib = new WakeupTree(b.tid, Footprint.EMPTY, v);
              sib.expect = b.expect;
              sib.choiceCount = n;
              node.wakeup.add(sib);
            }
          }
        }
        if (b.choice >= n) {
          ex.modelError("nondeterministic model: replaying the schedule, at event " + index + " choose(" + n
              + ") has no value " + b.choice);
          return -1;
        }
        return b.choice;
      }
    }
  }
}
