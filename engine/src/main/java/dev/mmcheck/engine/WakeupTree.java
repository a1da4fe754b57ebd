package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A node of a wakeup tree (Abdulla, Aronis, Jonsson, Sagonas, JACM 64(4) 2017, section 6):
 * one event of a sequence that optimal DPOR must explore from the {@link Node} that owns the
 * tree. The event is named by its thread (the thread's next event at that point of the
 * sequence), with its footprint (for independence checks) and, if it is a {@code choose}, its
 * value. Children are ordered: the leftmost is explored first.
 *
 * <p>The tree of the branch being explored at node {@code i} is shared with node {@code i+1}:
 * {@code node(i).active.children == node(i+1).wakeup}, so inserting a sequence at an ancestor
 * that runs through the current path extends the wakeup trees of deeper nodes.
 */
final class WakeupTree {
  /** For {@link #weakInitial}: a thread all of whose choice values are covered. */
  static final int ANY_CHOICE = Integer.MIN_VALUE;

  final int tid;
  /** Footprint of the event; null until it has been executed for a freely chosen branch. */
  Footprint footprint;
  /** The value of a {@code choose} event, -1 otherwise. */
  int choice;
  /** What the event was seen doing, or null (a freely chosen branch): to detect nondeterminism. */
  Node.Expect expect;
  /** Parallel search only: for a {@code choose} branch, how many values the choose has. */
  int choiceCount;
  /** Parallel search only: the tree node this branch leads to once explored, and its state. */
  ParallelSearch.PNode node;
  byte state;
  static final byte PENDING = 0;
  static final byte ACTIVE = 1;
  static final byte DONE = 2;
  final List<WakeupTree> children = new ArrayList<>(1);

  WakeupTree(int tid, Footprint footprint, int choice) {
    this.tid = tid;
    this.footprint = footprint;
    this.choice = choice;
  }

  boolean isLeaf() {
    return children.isEmpty();
  }

  /**
   * A sequence to insert: events of an execution, with the happens-before of that execution
   * restricted to them. Events are removed from the front as tree nodes are matched.
   */
  interface Sequence {
    int size();

    int tid(int k);

    Footprint footprint(int k);

    int choice(int k);

    /** What event k did. */
    Node.Expect expect(int k);

    /** For a {@code choose} event: its number of values, else 0. */
    default int choiceCount(int k) {
      return 0;
    }

    /** Is event k ordered (in the execution) before event l (k before l in the sequence)? */
    boolean hb(int k, int l);
  }

  /**
   * Is the event ({@code tid}, {@code footprint}, {@code choice}) a weak initial of the events
   * of {@code v} still present ({@code live[k]})? It is if the first live event of its thread
   * is the same event and has no live predecessor, or if its thread has no live event and it
   * is independent of every live event. Returns the index matched, -2 if weak initial without
   * a match (independent), -1 if not a weak initial.
   */
  static int weakInitial(int tid, Footprint footprint, int choice, Sequence v, boolean[] live) {
    int first = -1;
    for (int k = 0; k < v.size(); k++) {
      if (live[k] && v.tid(k) == tid) {
        first = k;
        break;
      }
    }
    if (first >= 0) {
      if (choice != ANY_CHOICE && choice != v.choice(first)) {
        return -1;
      }
      for (int k = 0; k < first; k++) {
        if (live[k] && v.hb(k, first)) {
          return -1;
        }
      }
      return first;
    }
    if (footprint == null) {
      return -1;
    }
    for (int k = 0; k < v.size(); k++) {
      if (live[k] && v.footprint(k).conflicts(footprint)) {
        return -1;
      }
    }
    return -2;
  }

  /**
   * Inserts {@code v} into the tree whose root's children are {@code roots}: descends through
   * children that are weak initials of what is left of {@code v}; stops if it reaches a leaf
   * or consumes {@code v} (already covered); otherwise appends the rest of {@code v} as a new
   * rightmost branch. Returns true if something was added.
   */
  static boolean insert(List<WakeupTree> roots, Sequence v) {
    boolean[] live = new boolean[v.size()];
    java.util.Arrays.fill(live, true);
    int remaining = v.size();
    List<WakeupTree> level = roots;
    boolean atRoot = true;
    WakeupTree at = null;
    while (true) {
      if (!atRoot && at.isLeaf()) {
        return false;
      }
      if (remaining == 0) {
        return false;
      }
      WakeupTree next = null;
      for (WakeupTree c : level) {
        int m = weakInitial(c.tid, c.footprint, c.choice, v, live);
        if (m != -1) {
          if (m >= 0) {
            live[m] = false;
            remaining--;
          }
          next = c;
          break;
        }
      }
      if (next == null) {
        List<WakeupTree> into = level;
        for (int k = 0; k < v.size(); k++) {
          if (live[k]) {
            WakeupTree t = new WakeupTree(v.tid(k), v.footprint(k), v.choice(k));
            t.expect = v.expect(k);
            into.add(t);
            into = t.children;
          }
        }
        return true;
      }
      at = next;
      level = next.children;
      atRoot = false;
    }
  }
}
