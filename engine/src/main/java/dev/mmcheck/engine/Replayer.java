package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Follows a recorded {@link Schedule}: used to build a counterexample's trace (with model
 * source locations, which the fast search does not collect) and by {@link Checker#replay}.
 * Any difference between the schedule and what the model does is a divergence.
 *
 * <p>When capturing ({@link #capture}) it also records what the search does not keep: the
 * model stack of every event, what each unfinished thread was about to do at the end (with the
 * stack of that pending call, read from the parked virtual thread), the preemptions of the
 * schedule, and the {@link Conflict} that explains the violation. One instance per execution;
 * not thread-safe (an execution runs one participant at a time).
 */
final class Replayer implements Decider {
  /** Model frames kept per event and per pending operation. */
  static final int STACK_DEPTH = 8;

  private final Schedule schedule;
  private int preemptions;
  private int switches;
  private List<PendingOp> pendingAtEnd;

  Replayer(Schedule schedule) {
    this.schedule = schedule;
  }

  @Override
  public int pick(Execution ex, long enabled, int prev) {
    int n = ex.eventCount();
    if (n >= schedule.steps().size()) {
      snapshot(ex, enabled);
      return -1;
    }
    Schedule.Step s = schedule.steps().get(n);
    ModelThread t = null;
    for (ModelThread c : ex.threadList()) {
      if (c.name.equals(s.threadName())) {
        t = c;
      }
    }
    if (t == null) {
      snapshot(ex, enabled);
      return ex.modelError(diverged(n, s, "thread " + s.threadName() + " does not exist"));
    }
    if ((enabled & (1L << t.id)) == 0) {
      snapshot(ex, enabled);
      return ex.modelError(diverged(n, s, t.name + " is " + (t.finished ? "finished" : "blocked in " + t.pending)));
    }
    if (!t.name.equals(s.threadName()) || !t.pending.name().equals(s.op()) || !t.pending.objectName().equals(s.object())) {
      snapshot(ex, enabled);
      return ex.modelError(diverged(n, s, t.name + " does " + t.pending));
    }
    if (prev >= 0 && prev != t.id) {
      switches++;
      if ((enabled & (1L << prev)) != 0) {
        preemptions++;
      }
    }
    return t.id;
  }

  @Override
  public int choose(Execution ex, int index, int n) {
    int c = schedule.steps().get(index).choice();
    if (c < 0 || c >= n) {
      ex.modelError("the model diverged from the schedule at event " + index + ": choose(" + n
          + ") where the schedule has choice " + c);
      return -1;
    }
    return c;
  }

  private static String diverged(int n, Schedule.Step s, String now) {
    return "the model diverged from the schedule at event " + n + ": the schedule has " + s.threadName()
        + " do " + s.op() + "(" + s.object() + "), but " + now
        + " (the model changed, or it is nondeterministic)";
  }

  /**
   * Records what every unfinished thread is about to do. Called while every model thread but
   * possibly the current one is parked at its pending scheduling point, so their stacks are
   * still there. {@code enabled}: the enabled-thread mask (0 at a deadlock).
   */
  void snapshot(Execution ex, long enabled) {
    if (!ex.capture) {
      return;
    }
    List<PendingOp> out = new ArrayList<>();
    for (ModelThread t : ex.threadList()) {
      if (t.finished || t.pending == null) {
        continue;
      }
      Op op = t.pending;
      boolean blocked = (enabled & (1L << t.id)) == 0;
      int request = op.code.block() == OpCode.Block.TICKET ? requestEvent(ex, t, op) : -1;
      List<ThreadRef> holders = new ArrayList<>();
      List<ThreadRef> queued = new ArrayList<>();
      if (blocked && op.target instanceof SyncObject on) {
        for (ModelThread h : on.blockers(t)) {
          List<ThreadRef> into = WaitForGraph.queuedAhead(h, on) ? queued : holders;
          if (!holders.contains(h.ref) && !queued.contains(h.ref)) {
            into.add(h.ref);
          }
        }
      }
      List<String> held = new ArrayList<>();
      for (Held h : t.held) {
        held.add(h.toString());
      }
      out.add(new PendingOp(t.ref, op.name(), op.objectName(), op.code.kind, blocked, request, holders, queued,
          held, stackOf(t)));
    }
    pendingAtEnd = out;
  }

  /** The last request event of {@code t} on the object of {@code op}: its FIFO ticket. */
  private static int requestEvent(Execution ex, ModelThread t, Op op) {
    for (int i = ex.ops.size() - 1; i >= 0; i--) {
      if (ex.tid(i) == t.id && ex.ops.get(i).obj == op.obj && ex.ops.get(i).code.kind == EventKind.REQUEST) {
        return i;
      }
    }
    return -1;
  }

  /** Model frames of {@code t}'s pending call: walked if it is the current thread, else read from the parked thread. */
  private static List<StackTraceElement> stackOf(ModelThread t) {
    if (Thread.currentThread() == t.baton.thread) {
      return ModelFrames.current(STACK_DEPTH);
    }
    return modelFrames(t.baton.thread.getStackTrace(), STACK_DEPTH);
  }

  /** {@link ModelFrames#current}'s selection applied to a captured stack (innermost first). */
  static List<StackTraceElement> modelFrames(StackTraceElement[] frames, int max) {
    int p = frames.length - 1;
    while (p >= 0 && !ModelFrames.isRuntimeFrame(frames[p].getClassName())) {
      p--;
    }
    while (p >= 0 && !ModelFrames.isModelFrame(frames[p].getClassName())) {
      p--;
    }
    int q = p;
    while (q > 0 && !ModelFrames.isRuntimeFrame(frames[q - 1].getClassName())) {
      q--;
    }
    List<StackTraceElement> out = new ArrayList<>();
    for (int k = q; k >= 0 && k <= p && out.size() < max; k++) {
      if (ModelFrames.isModelFrame(frames[k].getClassName())) {
        out.add(frames[k]);
      }
    }
    return out;
  }

  /** Records each event's model stack, and the pending operations at a deadlock. */
  private static final class Capture implements EventListener, ExecutionListener {
    final List<List<StackTraceElement>> stacks = new ArrayList<>();
    final Replayer replayer;

    Capture(Replayer replayer) {
      this.replayer = replayer;
    }

    @Override
    public void eventExecuted(ExecutionContext ctx, Event e) {
      while (stacks.size() < e.index()) {
        stacks.add(List.of());
      }
      stacks.add(ctx.modelStack(STACK_DEPTH));
    }

    @Override
    public void deadlock(ExecutionContext ctx, WaitFor cycle) {
      replayer.snapshot((Execution) ctx, 0L);
    }
  }

  /**
   * The model stack of each event of {@code steps} (innermost first, at most
   * {@link #STACK_DEPTH} frames), by replaying them with no properties: what
   * {@link ExecutionContext#stackAt} and {@link Witness#stack} return. May be called from a
   * listener callback of another execution: the replay runs on new virtual threads while the
   * calling thread parks. Shorter than {@code steps} if the model diverges from them.
   */
  static List<List<StackTraceElement>> stacks(Scenario scenario, List<Schedule.Step> steps, int depthLimit) {
    Replayer replayer = new Replayer(new Schedule(scenario.name(), java.util.Map.of(), steps));
    Capture capture = new Capture(replayer);
    Execution ex = new Execution(replayer, new Dispatch(List.of(capture)), 0, depthLimit, false, new ThreadIds(),
        false, 0);
    ex.run(scenario);
    return capture.stacks; // on a divergence: the events before it (each was checked against its step)
  }

  /** Replays {@code schedule} with no properties, capturing the trace and the end state. */
  static Counterexample capture(Scenario scenario, Schedule schedule, int depthLimit, Violation v,
      ExecutionEnd originalEnd, int executionNumber) {
    Replayer replayer = new Replayer(schedule);
    Capture capture = new Capture(replayer);
    Execution ex = new Execution(replayer, new Dispatch(List.of(capture)), executionNumber, depthLimit, true,
        new ThreadIds(), false, 0);
    ex.run(scenario);
    Violation shown = v;
    if (shown == null) {
      shown = new Violation("model", ex.errorMessage == null ? "model error" : ex.errorMessage, List.of(),
          ex.eventCount() - 1, "-");
    }
    List<TraceEvent> trace = new ArrayList<>(ex.trace.size());
    for (int i = 0; i < ex.trace.size(); i++) {
      TraceEvent te = ex.trace.get(i);
      trace.add(new TraceEvent(te.event(), te.location(), te.held(),
          i < capture.stacks.size() ? capture.stacks.get(i) : List.of()));
    }
    List<ThreadRef> cycle = new ArrayList<>();
    if (ex.waitFor != null) {
      for (WaitFor.Edge e : ex.waitFor.cycle()) {
        cycle.add(e.waiter());
      }
    }
    List<PendingOp> pending = replayer.pendingAtEnd == null ? List.of() : replayer.pendingAtEnd;
    Conflict conflict = Conflicts.find(ex, shown, originalEnd, ex.waitFor);
    return new Counterexample(shown, originalEnd, executionNumber, schedule, trace, ex.threads(), pending, cycle,
        conflict, replayer.preemptions, replayer.switches);
  }
}
