package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the {@link Conflict} of a captured execution: the events whose order the violation
 * depends on. The rules, in order, are documented on {@link Conflict}; this class applies them
 * to the executed {@link Op}s with the dependency relation of the search on their own
 * accesses ({@link Footprint#of}; a capture replays without properties, so no listener reads
 * are added). Pure; quadratic in the trace length at worst (only for one
 * counterexample).
 */
final class Conflicts {
  private Conflicts() {}

  /** The conflict of {@code ex} (a finished capture), or null if no rule applies. */
  static Conflict find(Execution ex, Violation v, ExecutionEnd end, WaitFor waitFor) {
    if (end == ExecutionEnd.MODEL_ERROR) {
      return null;
    }
    if (end == ExecutionEnd.DEADLOCK && waitFor != null && !waitFor.cycle().isEmpty()) {
      Conflict c = cycle(ex, waitFor.cycle());
      if (c != null) {
        return c;
      }
    }
    int e = v.eventIndex();
    if (e < 0 || e >= ex.ops.size()) {
      return null;
    }
    Op use = ex.ops.get(e);
    List<Footprint> fp = new ArrayList<>(ex.ops.size());
    for (int i = 0; i < ex.ops.size(); i++) {
      fp.add(Footprint.of(ex.ops.get(i), ex.tid(i)));
    }
    for (int j = e - 1; j >= 0; j--) {
      if (ex.tid(j) != ex.tid(e) && ex.ops.get(j).code == OpCode.FREE && fp.get(j).conflicts(fp.get(e))) {
        return new Conflict(List.of(j, e), Conflict.Rule.FREE_THEN_USE);
      }
    }
    if (v.property().equals("lock-order") && use.code.kind == EventKind.ACQUIRE) {
      Conflict c = lockOrder(ex, v, e);
      if (c != null) {
        return c;
      }
    }
    for (int e2 = e; e2 > 0; e2--) {
      Op b = ex.ops.get(e2);
      for (int e1 = e2 - 1; e1 >= 0; e1--) {
        Op a = ex.ops.get(e1);
        if (ex.tid(e1) == ex.tid(e2) || !fp.get(e1).conflicts(fp.get(e2))) {
          continue;
        }
        if (a.obj == b.obj && a.code.sync == OpCode.Sync.RELEASE && b.code.sync == OpCode.Sync.ACQUIRE) {
          continue; // a release before an acquisition: no schedule reverses it
        }
        return new Conflict(List.of(e1, e2), Conflict.Rule.LAST_RACE);
      }
    }
    return null;
  }

  /** For each cycle edge, the event at which the thread waited for took the lock (a holder) or its ticket (queued ahead). */
  private static Conflict cycle(Execution ex, List<WaitFor.Edge> cycle) {
    List<Integer> events = new ArrayList<>();
    for (int k = 0; k < cycle.size(); k++) {
      WaitFor.Edge edge = cycle.get(k);
      ThreadRef blocker = cycle.get((k + 1) % cycle.size()).waiter();
      EventKind took = edge.holders().contains(blocker) ? EventKind.ACQUIRE : EventKind.REQUEST;
      for (int i = ex.ops.size() - 1; i >= 0; i--) {
        Op op = ex.ops.get(i);
        if (ex.tid(i) == blocker.id() && op.obj == edge.on().id && op.code.kind == took) {
          if (!events.contains(i)) {
            events.add(i);
          }
          break;
        }
      }
    }
    events.sort(null);
    return events.isEmpty() ? null : new Conflict(events, Conflict.Rule.DEADLOCK_CYCLE);
  }

  /** The reporting thread's acquisition of the held lock the cycle names, then the violating one. */
  private static Conflict lockOrder(Execution ex, Violation v, int e) {
    int t = ex.tid(e);
    List<String> held = List.of();
    for (int j = e - 1; j >= 0; j--) {
      if (ex.tid(j) == t) {
        held = ex.trace.get(j).held();
        break;
      }
    }
    String chosen = null;
    for (String h : held) {
      String name = stripMode(h);
      String cls = name.substring(name.lastIndexOf('.') + 1);
      if (v.message().contains(cls)) {
        chosen = name;
        break;
      }
    }
    if (chosen == null && !held.isEmpty()) {
      chosen = stripMode(held.get(held.size() - 1));
    }
    if (chosen == null) {
      return null;
    }
    for (int i = e - 1; i >= 0; i--) {
      Event ev = ex.trace.get(i).event();
      if (ex.tid(i) == t && ev.kind() == EventKind.ACQUIRE && ev.object().equals(chosen)) {
        return new Conflict(List.of(i, e), Conflict.Rule.LOCK_ORDER);
      }
    }
    return null;
  }

  private static String stripMode(String held) {
    for (LockMode m : LockMode.values()) {
      if (!m.tag().isEmpty() && held.endsWith(m.tag())) {
        return held.substring(0, held.length() - m.tag().length());
      }
    }
    return held;
  }
}
