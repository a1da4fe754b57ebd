package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A scheduling decision on the current exploration path: the state before event
 * {@code index} of the execution. Thread sets are bit masks over stable thread ids (at most
 * 64 threads per search).
 *
 * <p>Sleep sets hold <em>events</em>, not just threads: each sleeping thread comes with the
 * footprint its next event had when it was explored, so that waking it up (an executed event
 * that conflicts with it) takes into account what properties read during that event.
 */
final class Node {
  /** A thread whose next event from here is covered elsewhere, with that event's footprint. */
  record Asleep(int tid, Footprint footprint) {}

  /** What a thread added to the backtrack set was seen doing here (to detect a nondeterministic model). */
  record Expect(int tid, OpCode code, long key) {
    static Expect of(int tid, Op op) {
      return new Expect(tid, op.code, op.target == null ? -1 : op.target.key);
    }

    boolean matches(Op op) {
      return op.code == code && (op.target == null ? -1 : op.target.key) == key;
    }
  }

  /** Threads whose pending op was enabled here. */
  final long enabled;
  /** Sleep set on arrival. */
  final List<Asleep> sleep;
  final long sleepMask;
  /** The thread that ran the previous event, if still unfinished, else -1. */
  final int prev;
  /** Preemptions on the path before this decision. */
  final int preemptionsBefore;

  /** Threads to explore from here (source-DPOR backtrack set; all enabled threads for plain DFS). */
  long backtrack;
  /** Source-DPOR: the op each thread added to the backtrack set had here, when known. */
  List<Expect> expects;
  /** Threads fully explored from here, with the footprint of the event each executed here. */
  final List<Asleep> done = new ArrayList<>(2);
  long doneMask;

  /**
   * The thread explored now, and what it does here (for divergence checks; kept as code and
   * object key, not as the {@link Op}, so that the path retains no execution).
   */
  int chosen;
  OpCode chosenCode;
  long chosenKey;
  /** If the chosen thread's op is {@code choose(n)}: n, the value explored now, the values explored. */
  int choiceCount;
  int choiceValue;
  BitSet choicesDone;

  /** Optimal DPOR: the wakeup tree here (children of this node's root), and the branch followed now. */
  List<WakeupTree> wakeup;
  WakeupTree active;

  Node(long enabled, List<Asleep> sleep, int prev, int preemptionsBefore) {
    this.enabled = enabled;
    this.sleep = sleep;
    long m = 0;
    for (Asleep a : sleep) {
      m |= 1L << a.tid();
    }
    this.sleepMask = m;
    this.prev = prev;
    this.preemptionsBefore = preemptionsBefore;
  }

  boolean preempts(int tid) {
    return prev >= 0 && tid != prev && (enabled & (1L << prev)) != 0;
  }

  int preemptionsAfter() {
    return preemptionsBefore + (preempts(chosen) ? 1 : 0);
  }

  /** Records that the chosen thread (all its choice values) is fully explored here. */
  void markChosenDone(Footprint executed) {
    done.add(new Asleep(chosen, executed));
    doneMask |= 1L << chosen;
  }

  /** The footprint a sleeping or done thread's event had here, or null if it is neither. */
  Footprint explored(int tid) {
    for (Asleep a : sleep) {
      if (a.tid() == tid) {
        return a.footprint();
      }
    }
    for (Asleep a : done) {
      if (a.tid() == tid) {
        return a.footprint();
      }
    }
    return null;
  }

  /** Starts exploring {@code tid} here (its choice values, if any, are set when its op runs). */
  void choose(int tid) {
    chosen = tid;
    choiceCount = 0;
    choiceValue = 0;
    choicesDone = null;
  }
}
