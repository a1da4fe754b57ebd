package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/** One worker: its own listeners, race analysis and path; the tree is shared. */
final class ParallelWorker implements Decider {
  private final ParallelSearch s;
  final Dispatch ls;
  private final List<ParallelSearch.Entry> path = new ArrayList<>();
  private int replayDepth;
  private int rootDepth;
  volatile Execution current;
  /** In {@link ParallelSearch#take} (guarded by the lock): its path is not a busy one. */
  boolean idle;
  /** Work a busy worker claimed for it while it was idle (guarded by the lock), or null. */
  List<ParallelSearch.Entry> assigned;
  /**
   * The path as other workers may see it (guarded by the lock): a copy made at each
   * backtrack, and at a scheduling point while another worker is idle. Nodes the worker creates
   * during an execution stay private to it until then, so that a scheduling point takes no lock.
   */
  ParallelSearch.Entry[] visible = new ParallelSearch.Entry[64];
  int visibleSize;
  /** Visible entries whose branch has run (its event executed): other workers may claim at their nodes. */
  int stealable;
  /** The platform thread that runs this worker and its model threads (one core per worker). */
  final Carrier carrier;

  ParallelWorker(ParallelSearch s, Dispatch ls, Carrier carrier) {
    this.s = s;
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
      for (List<ParallelSearch.Entry> p = s.take(this); p != null; p = s.take(this)) {
        synchronized (s.lock) {
          path.clear();
          path.addAll(p);
          publish(path.size() - 1);
        }
        rootDepth = path.size() - 1;
        replayDepth = path.size();
        explore();
      }
    } catch (RuntimeException | Error e) {
      s.modelError = new Result.ModelError("engine failure in a search worker: " + e, null, null);
      s.stop = true;
    }
  }

  /** Executions until this worker's subtree is done (or the search stops). */
  private void explore() {
    while (!s.stop) {
      if (s.control.interrupted()) {
        synchronized (s.lock) {
          s.boundsHit.add(Bound.INTERRUPTED);
        }
        s.stop = true;
        return;
      }
      long number = s.executionNumbers.incrementAndGet();
      if (s.opt.maxExecutions() > 0 && number > s.opt.maxExecutions()) {
        s.executionNumbers.decrementAndGet();
        synchronized (s.lock) {
          s.boundsHit.add(Bound.MAX_EXECUTIONS);
        }
        s.stop = true;
        return;
      }
      if (System.nanoTime() > s.deadline) {
        synchronized (s.lock) {
          s.boundsHit.add(Bound.TIME_LIMIT);
        }
        s.stop = true;
        return;
      }
      Execution ex = new Execution(this, ls, (int) Math.min(number, Integer.MAX_VALUE), s.opt.depthLimit(), false,
          s.threadIds, !s.opt.multipleErrors(), s.opt.spinLimit());
      ex.shared = (k, make) -> s.shared(k, make);
      ex.carrier = carrier;
      current = ex;
      ExecutionEnd end = ex.run(s.scenario);
      current = null;
      if (end == ExecutionEnd.MODEL_ERROR) {
        s.modelError = new Result.ModelError(ex.errorMessage, ex.counterexample(null), null);
        s.stop = true;
        return;
      }
      record(ex, end);
      if (s.stop) {
        return;
      }
      if (!backtrack(ex)) {
        return;
      }
    }
  }

  private void record(Execution ex, ExecutionEnd end) {
    synchronized (s.lock) {
      s.tally.add(ex, end, s.boundsHit);
    }
    for (Violation v : ex.violations) {
      boolean fresh;
      synchronized (s.lock) {
        fresh = !s.found.containsKey(v.key());
        if (fresh) {
          s.found.put(v.key(), null);
        }
      }
      if (fresh) {
        Counterexample c = ex.counterexample(v);
        synchronized (s.lock) {
          s.found.put(v.key(), c);
        }
      }
    }
    if (!ex.violations.isEmpty() && !s.opt.multipleErrors()) {
      s.stop = true;
    }
  }

  /**
   * Under the lock: lets other workers see the path and claim branches at its first
   * {@code ran} nodes (those whose branch on this path has run; the last one, just claimed,
   * has not yet when called from backtrack).
   */
  private void publish(int ran) {
    stealable = ran;
    if (visible.length < path.size()) {
      visible = new ParallelSearch.Entry[Math.max(path.size(), 2 * visible.length)];
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
    synchronized (s.lock) {
      for (int k = path.size() - 1; k >= rootDepth; k--) {
        ParallelSearch.Entry e = path.get(k);
        ParallelSearch.PNode y = e.branch().node;
        if (y == null || y.finishable()) {
          s.finish(e.node(), e.branch());
        }
        WakeupTree next = s.claimNext(e.node());
        if (next != null) {
          while (path.size() > k) {
            path.remove(path.size() - 1);
          }
          path.add(new ParallelSearch.Entry(e.node(), next));
          replayDepth = k + 1;
          publish(path.size() - 1);
          if (s.idleWorkers > 0) {
            s.feedIdle();
          }
          return true;
        }
      }
      // the subtree this worker took is left: finish ancestors that are now complete
      for (int k = rootDepth - 1; k >= 0; k--) {
        ParallelSearch.Entry e = path.get(k);
        ParallelSearch.PNode y = e.branch().node;
        if (y == null || y.finishable()) {
          s.finish(e.node(), e.branch());
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
      ParallelSearch.Entry e = path.get(n);
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
    if (s.idleWorkers > 0 && n > stealable) {
      // a worker is waiting for work: show it this path (every branch on it has run)
      synchronized (s.lock) {
        publish(n);
        s.feedIdle();
      }
    }
    {
      // a fresh node is private to this worker until it publishes its path: no lock
      ParallelSearch.PNode node;
      if (n == 0) {
        node = new ParallelSearch.PNode(null, null, enabled, prev, 0);
      } else {
        ParallelSearch.Entry parent = path.get(n - 1);
        int pre = parent.node().preemptionsBefore + (parent.node().preempts(parent.branch().tid) ? 1 : 0);
        node = new ParallelSearch.PNode(parent.node(), parent.branch(), enabled, prev, pre);
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
      WakeupTree b = s.claimNext(node);
      if (b == null) {
        s.boundsHit.add(Bound.PREEMPTION_BOUND);
        ex.cutByPreemption = true;
        ex.end = ExecutionEnd.DEPTH_BOUND;
        return -1;
      }
      path.add(new ParallelSearch.Entry(node, b)); // its other branches can be stolen once b's event has run
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
    ParallelSearch.Entry e = path.get(index);
    WakeupTree b = e.branch();
    synchronized (s.lock) {
      if (b.choiceCount == 0) {
        // first time this branch's choose runs: it is one value; every other value is a branch too
        b.choiceCount = n;
        if (b.choice < 0) {
          b.choice = 0;
        }
        b.footprint = Footprint.EMPTY;
        ParallelSearch.PNode node = e.node();
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
