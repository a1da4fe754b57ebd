package dev.mmcheck.engine;

import java.util.ArrayList;
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
 * verdicts and violation sets are the same (tested in {@code ParallelSearchTest}). The shared
 * part of the tree is guarded by one lock, taken about twice per execution (to record it and to
 * backtrack): a scheduling point takes none, its node being private to its worker until the
 * worker publishes its path (at a backtrack, or at once while another worker is idle). Each
 * worker ({@link ParallelWorker}) runs on a {@link Carrier} of its own.
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
  /**
   * A decision point of the shared tree. Its mutable state is private to the worker that made
   * it until that worker publishes its path ({@link ParallelWorker}), and guarded by the
   * search's lock from then on.
   */
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

  record Entry(PNode node, WakeupTree branch) {}

  final Scenario scenario;
  final SearchOptions opt;
  private final Supplier<List<Listener>> listeners;
  final Checker.Control control;
  final ThreadIds threadIds = new ThreadIds();
  final Object lock = new Object();
  /** Workers waiting in {@link #take} (guarded by the lock); the search is over when all are. */
  volatile int idleWorkers;
  private boolean over;
  final AtomicLong executionNumbers = new AtomicLong();
  private final Map<String, Object> shared = new java.util.concurrent.ConcurrentHashMap<>();
  final Map<String, Counterexample> found = new LinkedHashMap<>();
  /** Concurrent: a worker adds to it at its private nodes without the lock. */
  final Set<Bound> boundsHit = java.util.concurrent.ConcurrentHashMap.newKeySet();
  volatile boolean stop;
  volatile Result.ModelError modelError;
  /** Guarded by the lock. */
  final Tally tally = new Tally();
  private long startNanos;
  long deadline;
  final List<ParallelWorker> workers = new ArrayList<>();

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
      workers.add(new ParallelWorker(this, new Dispatch(listeners.get()), Carrier.own("mmcheck-carrier-" + w)));
    }
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers.size(); w++) {
      ParallelWorker wk = workers.get(w);
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
    for (ParallelWorker w : workers) {
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
      return tally.statistics(executionNumbers.get(), (System.nanoTime() - startNanos) / 1_000_000, 0);
    }
  }

  /** The executions in progress (for the stall watchdog). */
  List<Execution> current() {
    List<Execution> out = new ArrayList<>();
    for (ParallelWorker w : workers) {
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
  WakeupTree claimNext(PNode node) {
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

  void finish(PNode node, WakeupTree b) {
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
  List<Entry> take(ParallelWorker me) {
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
  void feedIdle() {
    boolean fed = false;
    for (ParallelWorker w : workers) {
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
  List<Entry> steal(ParallelWorker me) {
    int longest = 0;
    for (ParallelWorker w : workers) {
      if (!w.idle) {
        longest = Math.max(longest, w.stealable + 1);
      }
    }
    for (int k = 0; k < longest - 1; k++) {
      for (ParallelWorker w : workers) {
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


}
