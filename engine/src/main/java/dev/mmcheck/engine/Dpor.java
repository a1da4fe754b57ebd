package dev.mmcheck.engine;

import java.util.List;

/**
 * Source-DPOR with sleep sets (Abdulla, Aronis, Jonsson, Sagonas, "Source Sets: A
 * Foundation for Optimal Dynamic Partial Order Reduction", JACM 64(4), 2017, Algorithm 1),
 * run after each execution over its whole trace.
 *
 * <p>Happens-before is computed with vector clocks: event j is ordered after its thread's
 * previous event (or, for a thread's first event, after the spawn that created it) and after
 * every earlier event it depends on ({@link Op#dependent}). Two events race when they are
 * dependent, of different threads, and ordered only directly. For each race (e, e') the
 * algorithm computes {@code v = notdep(e, E).e'} and adds an initial of v to the backtrack set
 * before e unless one is already there.
 *
 * <p>Blocking primitives: an acquire whose thread was already waiting for it (disabled) when
 * a release happened cannot be moved before that release, so that race is skipped; instead,
 * an acquire races with the previous acquire of the same object, and releases in between do
 * not count as ordering the two (section 10 of the paper). A release followed by an acquire
 * that was not waiting (a counting semaphore with spare count, an RCU grace period that did
 * not wait for that reader) is an ordinary race. If the initial chosen is not enabled at the backtrack point,
 * every enabled thread there is added (conservative).
 *
 * <p>An rwsem acquisition never needs reversing: under FIFO hand-off the order in which
 * conflicting threads acquire is the order of their requests, so it is the races between
 * requests (and trylocks) that are reversed ({@link OpCode#ticketOrdered()}).
 */
final class Dpor implements Reduction {
  @Override
  public void initBacktrack(Node node) {
    node.backtrack = 1L << node.chosen;
  }

  @Override
  public boolean sleepSets() {
    return true;
  }

  @Override
  public void afterExecution(Execution ex, List<Node> path) {
    List<Op> ops = ex.ops;
    int n = ops.size();
    List<ModelThread> threads = ex.threadList();
    int nt = threads.size();
    int[][] vc = new int[n + 1][];
    int[] local = new int[n + 1];
    int[] last = new int[nt];
    java.util.Arrays.fill(last, -1);
    int[] count = new int[nt];
    int[] deps = new int[n];
    for (int j = 0; j < n; j++) {
      int q = ex.tid(j);
      analyze(ex, path, ops.get(j), q, j, last, count, vc, local, deps, nt);
      last[q] = j;
    }
    // A thread left blocked (deadlock) or cut off has a next op that races too: as in
    // Flanagan-Godefroid, the blocked acquire of a deadlock must be tried before the
    // acquisition that blocks it.
    if (ex.end != ExecutionEnd.COMPLETED && ex.end != ExecutionEnd.SLEEP_BLOCKED) {
      for (ModelThread t : ex.pendingAtEnd) {
        {
          int c = count[t.id];
          analyze(ex, path, t.pending, t.id, n, last, count, vc, local, deps, nt);
          count[t.id] = c;
        }
      }
    }
  }

  /** Computes the clock of event {@code j} (thread q, op oj) and handles its races. */
  private static void analyze(Execution ex, List<Node> path, Op oj, int q, int j, int[] last, int[] count,
      int[][] vc, int[] local, int[] deps, int nt) {
    List<Op> ops = ex.ops;
    int[] before = last[q] >= 0 ? vc[last[q]] : spawnClock(ex.threadList().get(q), vc);
    int[] c = before == null ? new int[nt] : before.clone();
    int nd = 0;
    for (int i = j - 1; i >= 0; i--) {
      if (ex.tid(i) != q && Op.dependent(ops.get(i), oj)) {
        deps[nd++] = i;
        int[] ci = vc[i];
        for (int t = 0; t < nt; t++) {
          if (ci[t] > c[t]) {
            c[t] = ci[t];
          }
        }
      }
    }
    c[q] = ++count[q];
    local[j] = c[q];
    vc[j] = c;
    if (oj.code.ticketOrdered()) {
      return;
    }
    for (int a = 0; a < nd; a++) {
      int i = deps[a];
      int p = ex.tid(i);
      Op oi = ops.get(i);
      if (oi.code.sync == OpCode.Sync.RELEASE && oj.code.sync == OpCode.Sync.ACQUIRE && oi.obj == oj.obj
          && blockedAt(path.get(i), q, oj)) {
        continue;
      }
      if (before != null && before[p] >= local[i]) {
        continue;
      }
      boolean covered = false;
      for (int b = 0; b < a; b++) {
        int k = deps[b];
        Op ok = ops.get(k);
        if (oj.code.sync == OpCode.Sync.ACQUIRE && ok.code.sync == OpCode.Sync.RELEASE && ok.obj == oj.obj) {
          continue;
        }
        if (vc[k][p] >= local[i]) {
          covered = true;
          break;
        }
      }
      if (!covered) {
        addBacktrack(ex, path.get(i), vc, local, i, j, q, nt);
      }
    }
  }

  /** Was thread q already waiting in {@code oj} (disabled) just before event i? */
  private static boolean blockedAt(Node node, int q, Op oj) {
    return q < node.pending.length && node.pending[q] == oj && (node.enabled & (1L << q)) == 0;
  }

  private static int[] spawnClock(ModelThread t, int[][] vc) {
    return t.spawnEvent >= 0 ? vc[t.spawnEvent] : null;
  }

  /** For the race (i, j), j by thread q: makes sure an initial of notdep(i).j is in the backtrack set at i. */
  private static void addBacktrack(Execution ex, Node node, int[][] vc, int[] local, int i, int j, int q, int nt) {
    int p = ex.tid(i);
    int li = local[i];
    int[] firstLocal = new int[nt];
    long initials = 0;
    for (int k = i + 1; k <= j; k++) {
      int[] ck = vc[k];
      if (k < j && ck[p] >= li) {
        continue;
      }
      int tk = k == j ? q : ex.tid(k);
      if (firstLocal[tk] != 0) {
        continue;
      }
      boolean initial = true;
      for (int t = 0; t < nt; t++) {
        if (t != tk && firstLocal[t] != 0 && ck[t] >= firstLocal[t]) {
          initial = false;
          break;
        }
      }
      firstLocal[tk] = local[k];
      if (initial) {
        initials |= 1L << tk;
      }
    }
    if ((initials & node.backtrack) != 0) {
      return;
    }
    int pick = (initials & (1L << q)) != 0 ? q : Long.numberOfTrailingZeros(initials);
    if ((node.enabled & (1L << pick)) != 0) {
      node.backtrack |= 1L << pick;
    } else {
      node.backtrack |= node.enabled;
    }
  }
}
