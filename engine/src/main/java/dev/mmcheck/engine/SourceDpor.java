package dev.mmcheck.engine;

import java.util.List;

/**
 * Source-DPOR with sleep sets (Abdulla, Aronis, Jonsson, Sagonas, "Source Sets: A Foundation
 * for Optimal Dynamic Partial Order Reduction", JACM 64(4), 2017, Algorithm 1), run after each
 * execution over the part of its trace that is new ({@link RaceAnalysis} finds the races).
 * For each race (e, e') it adds an initial of {@code v = notdep(e, E).e'} to the backtrack set
 * of the node before e unless one is already there; if the initial chosen is not enabled there,
 * every enabled thread is added (conservative). It may explore sleep-set-blocked executions;
 * {@link OptimalDpor} does not.
 */
final class SourceDpor implements Reduction {
  private final RaceAnalysis races = new RaceAnalysis();
  private long[] firstLocal = new long[Execution.MAX_THREADS];

  @Override
  public boolean sleepSets() {
    return true;
  }

  @Override
  public int first(Node node, Node parent, long candidates, int preferred) {
    int tid = preferred >= 0 && (candidates & (1L << preferred)) != 0 ? preferred : Long.numberOfTrailingZeros(candidates);
    node.backtrack = 1L << tid;
    return tid;
  }

  @Override
  public int initialChoice(Node node, int n) {
    return 0;
  }

  @Override
  public int nextChoice(Node node) {
    int v = node.choicesDone.nextClearBit(0);
    return v < node.choiceCount ? v : -1;
  }

  @Override
  public int nextThread(Node node) {
    long cand = node.backtrack & node.enabled & ~node.doneMask & ~node.sleepMask;
    return cand == 0 ? -1 : Long.numberOfTrailingZeros(cand);
  }

  @Override
  public Node.Expect expected(Node node, int tid) {
    if (node.expects != null) {
      for (Node.Expect e : node.expects) {
        if (e.tid() == tid) {
          return e;
        }
      }
    }
    return null;
  }

  @Override
  public void drop(Node node, int tid) {
    node.backtrack &= ~(1L << tid);
  }

  @Override
  public void afterExecution(Execution ex, List<Node> path, int from) {
    races.analyze(ex, path, from, (i, j) -> addBacktrack(path.get(i), i, j));
  }

  @Override
  public void release() {
    races.release();
  }

  /** Makes sure an initial of notdep(i).j is in the backtrack set at node i. */
  private void addBacktrack(Node node, int i, int j) {
    RaceAnalysis r = races;
    int n = r.n;
    java.util.Arrays.fill(firstLocal, -1);
    long initials = 0;
    long seen = 0;
    for (int k = i + 1; k <= j; k++) {
      if (k < j && k >= n) {
        continue; // other virtual events are not part of v
      }
      if (k < j && r.hb(i, k)) {
        continue;
      }
      int tk = r.tid(k);
      if ((seen & (1L << tk)) != 0) {
        continue;
      }
      boolean initial = true;
      long s = seen;
      while (s != 0) {
        int t = Long.numberOfTrailingZeros(s);
        s &= s - 1;
        if (r.hb((int) firstLocal[t], k)) {
          initial = false;
          break;
        }
      }
      seen |= 1L << tk;
      firstLocal[tk] = k;
      if (initial) {
        initials |= 1L << tk;
      }
    }
    if ((initials & node.backtrack) != 0) {
      return;
    }
    int q = r.tid(j);
    int pick = (initials & (1L << q)) != 0 ? q : Long.numberOfTrailingZeros(initials);
    if ((node.enabled & (1L << pick)) != 0) {
      node.backtrack |= 1L << pick;
      if (node.expects == null) {
        node.expects = new java.util.ArrayList<>(1);
      }
      node.expects.add(Node.Expect.of(pick, r.op((int) firstLocal[pick])));
    } else {
      node.backtrack |= node.enabled;
    }
  }
}
