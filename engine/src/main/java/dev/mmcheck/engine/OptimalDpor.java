package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Optimal DPOR with wakeup trees (Abdulla, Aronis, Jonsson, Sagonas, "Source Sets: A
 * Foundation for Optimal Dynamic Partial Order Reduction", JACM 64(4), 2017, Algorithm 2; as
 * Nidhugg implements it). After each execution, for each race (e, e') found by
 * {@link RaceAnalysis} in the new part of the trace, the sequence {@code v = notdep(e, E).e'}
 * is inserted into the wakeup tree of the node before e unless a thread asleep (or already
 * explored) there is a weak initial of {@code v}. Exploration follows the leftmost branch of
 * the wakeup tree; a node without one continues with any enabled thread that is not asleep.
 *
 * <p>For programs whose operations never block, each Mazurkiewicz trace is explored exactly
 * once and no execution is sleep-set blocked. With blocking operations the race rules of
 * {@link RaceAnalysis} keep wakeup sequences executable; should an event of a sequence still
 * be disabled when it is reached, that branch is dropped and every enabled thread not asleep
 * at that node is explored instead (counted in {@link #fallbacks()}), which keeps the search
 * sound at the cost of extra executions.
 */
final class OptimalDpor implements Reduction {
  private final RaceAnalysis races = new RaceAnalysis();
  private long fallbacks;

  @Override
  public boolean sleepSets() {
    return true;
  }

  @Override
  public long fallbacks() {
    return fallbacks;
  }

  @Override
  public int first(Node node, Node parent, long candidates, int preferred) {
    node.wakeup = parent == null ? new ArrayList<>(1) : parent.active.children;
    boolean dropped = false;
    for (Iterator<WakeupTree> it = node.wakeup.iterator(); it.hasNext(); ) {
      WakeupTree c = it.next();
      if ((candidates & (1L << c.tid)) != 0) {
        if (dropped) {
          expand(node, candidates);
        }
        node.active = c;
        return c.tid;
      }
      it.remove();
      dropped |= (node.enabled & (1L << c.tid)) == 0; // asleep: covered; disabled: cannot follow
    }
    if (dropped) {
      expand(node, candidates);
      WakeupTree c = node.wakeup.get(0);
      node.active = c;
      return c.tid;
    }
    int tid = preferred >= 0 && (candidates & (1L << preferred)) != 0 ? preferred : Long.numberOfTrailingZeros(candidates);
    WakeupTree leaf = new WakeupTree(tid, null, -1);
    node.wakeup.add(leaf);
    node.active = leaf;
    return tid;
  }

  /** A wakeup sequence could not be followed here: explore every candidate instead. */
  private void expand(Node node, long candidates) {
    fallbacks++;
    long have = 0;
    for (WakeupTree c : node.wakeup) {
      have |= 1L << c.tid;
    }
    long add = candidates & ~have;
    while (add != 0) {
      int t = Long.numberOfTrailingZeros(add);
      add &= add - 1;
      node.wakeup.add(new WakeupTree(t, null, -1));
    }
  }

  @Override
  public int initialChoice(Node node, int n) {
    WakeupTree a = node.active;
    if (a.choice < 0 || a.choice >= n) {
      a.choice = 0; // a freely chosen branch that turned out to be a choose: it is value 0
      a.footprint = Footprint.EMPTY;
    }
    return a.choice;
  }

  @Override
  public int nextChoice(Node node) {
    node.wakeup.remove(node.active);
    for (WakeupTree c : node.wakeup) {
      if (c.tid == node.chosen && c.choice >= 0 && !node.choicesDone.get(c.choice)) {
        node.active = c;
        return c.choice;
      }
    }
    int v = node.choicesDone.nextClearBit(0);
    if (v >= node.choiceCount) {
      return -1;
    }
    WakeupTree leaf = new WakeupTree(node.chosen, Footprint.EMPTY, v);
    node.wakeup.add(0, leaf);
    node.active = leaf;
    return v;
  }

  @Override
  public int nextThread(Node node) {
    int done = node.chosen;
    node.wakeup.removeIf(c -> c.tid == done);
    boolean dropped = false;
    for (Iterator<WakeupTree> it = node.wakeup.iterator(); it.hasNext(); ) {
      WakeupTree c = it.next();
      long bit = 1L << c.tid;
      if ((node.enabled & bit) != 0 && ((node.doneMask | node.sleepMask) & bit) == 0) {
        node.active = c;
        if (dropped) {
          expand(node, node.enabled & ~node.doneMask & ~node.sleepMask);
        }
        return c.tid;
      }
      it.remove();
      dropped |= (node.enabled & bit) == 0;
    }
    return -1;
  }

  @Override
  public Node.Expect expected(Node node, int tid) {
    return node.active != null && node.active.tid == tid ? node.active.expect : null;
  }

  @Override
  public void drop(Node node, int tid) {
    node.wakeup.removeIf(c -> c.tid == tid);
  }

  @Override
  public void afterExecution(Execution ex, List<Node> path, int from) {
    for (int i = from; i < path.size() && i < ex.ops.size(); i++) {
      WakeupTree a = path.get(i).active;
      if (a != null && a.footprint == null) {
        a.footprint = ex.footprint(i);
      }
    }
    races.analyze(ex, path, from, (i, j) -> insert(path.get(i), i, j));
  }

  @Override
  public void release() {
    races.release();
  }

  /** For the race (i, j): inserts notdep(i).j into the wakeup tree of node i unless it is covered. */
  private void insert(Node node, int i, int j) {
    WakeupTree.Sequence v = sequence(races, i, j);
    boolean[] live = new boolean[v.size()];
    java.util.Arrays.fill(live, true);
    for (Node.Asleep a : node.sleep) {
      if (WakeupTree.weakInitial(a.tid(), a.footprint(), WakeupTree.ANY_CHOICE, v, live) != -1) {
        return;
      }
    }
    for (Node.Asleep a : node.done) {
      if (WakeupTree.weakInitial(a.tid(), a.footprint(), WakeupTree.ANY_CHOICE, v, live) != -1) {
        return;
      }
    }
    WakeupTree.insert(node.wakeup, v);
  }

  /** {@code v = notdep(i, E).j} for the race (i, j) of the execution {@code r} analysed. */
  static WakeupTree.Sequence sequence(RaceAnalysis r, int i, int j) {
    int n = r.n;
    int[] idx = new int[Math.min(j - i, r.events())];
    int len = 0;
    for (int k = i + 1; k < Math.min(j, n); k++) {
      if (!r.hb(i, k)) {
        idx[len++] = k;
      }
    }
    idx[len++] = j;
    int size = len;
    return new WakeupTree.Sequence() {
      @Override
      public int size() {
        return size;
      }

      @Override
      public int tid(int k) {
        return r.tid(idx[k]);
      }

      @Override
      public Footprint footprint(int k) {
        return r.footprint(idx[k]);
      }

      @Override
      public int choice(int k) {
        Op o = r.op(idx[k]);
        return o.code == OpCode.CHOOSE && idx[k] < n ? r.choiceValue(idx[k]) : -1;
      }

      @Override
      public boolean hb(int k, int l) {
        return r.hb(idx[k], idx[l]);
      }

      @Override
      public Node.Expect expect(int k) {
        return Node.Expect.of(r.tid(idx[k]), r.op(idx[k]));
      }

      @Override
      public int choiceCount(int k) {
        Op o = r.op(idx[k]);
        return o.code == OpCode.CHOOSE ? (Integer) o.arg : 0;
      }
    };
  }
}
