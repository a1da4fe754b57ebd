package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One run of a scenario under a controlled schedule: the runtime that model primitives call.
 *
 * <p>Exactly one participant runs at a time (the explorer or one model thread); control moves
 * only at scheduling points ({@link #step}). The thread that reaches a scheduling point asks
 * the {@link Decider} who goes next and hands the baton over itself, so a step that does not
 * switch threads costs no hand-off. Deadlock is decided in exactly one place,
 * {@link #decide}: no enabled thread while some thread is unfinished.
 */
final class Execution implements ExecutionContext, World {
  static final ThreadLocal<Execution> CURRENT = new ThreadLocal<>();
  static final int MAX_THREADS = 64;

  private final Decider decider;
  private final Dispatch ls;
  private final int number;
  private final int depthLimit;
  private final ThreadIds ids;
  /** Stop the execution at its first violation (false in multiple-errors mode). */
  private final boolean stopOnViolation;
  /** Identical busy-wait iterations after which an execution ends as a livelock (0 = never). */
  private final int spinLimit;
  final boolean capture;
  private final Baton controller = new Baton(Thread.currentThread());
  private final List<ModelObject> objects = new ArrayList<>();
  private final List<ModelThread> threads = new ArrayList<>();
  private final ModelThread[] byTid = new ModelThread[MAX_THREADS];
  private final List<ThreadRef> threadRefs = new ArrayList<>();
  /** Objects created so far by setup (slot 0) and by each thread (slot tid + 1). */
  private final int[] created = new int[MAX_THREADS + 1];
  /** Threads started so far by setup (slot 0) and by each thread (slot tid + 1). */
  private final int[] started = new int[MAX_THREADS + 1];
  private ModelThread running;
  private boolean inSetup;
  private boolean aborted;
  private boolean stop;
  /** The listener being called back, to blame it if it throws; null between callbacks. */
  private Listener calling;

  /** The trace, for DPOR: ops[i] was executed by thread tids[i]. */
  final List<Op> ops = new ArrayList<>();
  private int[] tids = new int[64];
  /** footprints.get(i): what event i touched (its op, plus what listeners read during it). */
  private final List<Footprint> footprints = new ArrayList<>();
  /** free[i]: the target was available for a blocking acquisition just before event i. */
  private boolean[] free = new boolean[64];
  /** before[i]: the value of the target cell just before event i (null for other targets). */
  private Object[] before = new Object[64];
  /** Reads by listeners since the last event's footprint was sealed; they belong to that event. */
  private final Footprint.Builder observed = new Footprint.Builder();
  private boolean observing;
  /** State listeners share across the whole search (all workers): see {@link #searchShared}. */
  java.util.function.BiFunction<String, java.util.function.Supplier<Object>, Object> shared;
  private final java.util.Map<Integer, Integer> choices = new java.util.HashMap<>(2);
  private int sealed = -1;
  final List<TraceEvent> trace;
  final List<Violation> violations = new ArrayList<>(1);
  /** Threads that had not finished when the execution ended, with their pending ops. */
  final List<ModelThread> pendingAtEnd = new ArrayList<>(2);
  ExecutionEnd end;
  /** The execution was cut because the next decision would exceed the preemption bound (not the depth bound). */
  boolean cutByPreemption;
  String errorMessage;
  WaitFor waitFor;
  private final List<Object[]> notes = new ArrayList<>(2);
  /** The scenario being run (for replays of a prefix: {@link #stackAt}, {@link #witness}). */
  private Scenario scenario;
  /** Index of the event whose listener callbacks are running, -1 between them. */
  private int dispatching = -1;
  /** The latest schedule prefix handed to {@link #stackAt} / {@link #witness} (one replay for all). */
  private PrefixReplay prefix;
  /** Site recording and removal ({@link SiteAnalysis}), or null (the normal search: no stack walks). */
  SiteRun sites;
  /** Where its model threads run (set by the search worker that runs it). */
  Carrier carrier = Carrier.JVM;

  Execution(Decider decider, Dispatch ls, int number, int depthLimit, boolean capture, ThreadIds ids,
      boolean stopOnViolation, int spinLimit) {
    this.decider = decider;
    this.ls = ls;
    this.number = number;
    this.depthLimit = depthLimit;
    this.capture = capture;
    this.ids = ids;
    this.stopOnViolation = stopOnViolation;
    this.spinLimit = spinLimit;
    this.trace = capture ? new ArrayList<>() : List.of();
  }

  static Execution current() {
    Execution e = CURRENT.get();
    if (e == null) {
      throw new IllegalStateException(
          "mmcheck model objects can only be used inside a scenario's setup or model threads");
    }
    return e;
  }

  int registerObject(ModelObject o) {
    objects.add(o);
    return objects.size() - 1;
  }

  /**
   * A key for a new object that is the same in every execution: (creating thread, number of
   * objects it created before). See {@link Footprint}.
   */
  long newKey() {
    int slot = running == null || inSetup ? 0 : running.id + 1;
    return ((long) slot << 32) | created[slot]++;
  }

  /** The thread with stable id {@code tid}, or null if it does not exist in this execution. */
  ModelThread thread(int tid) {
    return tid >= 0 && tid < MAX_THREADS ? byTid[tid] : null;
  }

  /** One more than the largest stable thread id in this execution. */
  int threadIdLimit() {
    int m = 0;
    for (ModelThread t : threads) {
      m = Math.max(m, t.id + 1);
    }
    return m;
  }

  /** What event {@code i} touched; seals the latest event's footprint (listeners are done with it). */
  Footprint footprint(int i) {
    if (i == ops.size() - 1 && sealed < i) {
      seal();
    }
    return footprints.get(i);
  }

  private void seal() {
    int last = ops.size() - 1;
    if (last >= 0 && !observed.isEmpty()) {
      footprints.set(last, observed.buildOn(footprints.get(last)));
    }
    observed.clear();
    sealed = last;
  }

  /** The value of executed {@code choose} event {@code i} (-1 for other events). */
  int choiceAt(int i) {
    Integer c = choices.get(i);
    return c == null ? -1 : c;
  }

  /**
   * Would the blocking operation {@code waiter} (on the object of event {@code i}) have been
   * enabled just before event {@code i}? For a lock: was it available; for
   * {@link Cell#awaitUntil}: did the value satisfy the waiter's predicate.
   */
  @SuppressWarnings("unchecked")
  boolean availableBefore(int i, Op waiter) {
    if (waiter.code == OpCode.AWAIT) {
      return ((java.util.function.Predicate<Object>) waiter.arg).test(before[i]);
    }
    return free[i];
  }

  /**
   * A listener read {@code key} in class {@code dep} (a {@code READ} of a cell, an
   * {@code OBSERVE} of other state): it becomes part of the current event's footprint. Reads
   * outside listener callbacks (model code) are not recorded.
   */
  void observe(long key, OpCode.Dep dep) {
    if (!observing || ops.isEmpty()) {
      return;
    }
    observed.add(key, dep);
    if (sealed == ops.size() - 1) {
      // read after the footprint was handed to the explorer: re-open it (conservative)
      footprints.set(sealed, observed.buildOn(footprints.get(sealed)));
      observed.clear();
    }
  }

  ModelThread running() {
    return running;
  }

  List<ModelThread> threadList() {
    return threads;
  }

  int tid(int event) {
    return tids[event];
  }

  // ---- running an execution (called on the explorer's thread) ----

  /** Runs the scenario to the end of this execution; returns how it ended. */
  ExecutionEnd run(Scenario scenario) {
    this.scenario = scenario;
    // A replay inside a listener callback (stackAt) runs an execution on a model thread of
    // another one: give that thread its own execution back afterwards.
    Execution outer = CURRENT.get();
    CURRENT.set(this);
    inSetup = true;
    try {
      scenario.setup(this);
    } catch (RuntimeException | Error e) {
      modelError("scenario setup failed: " + e);
      restore(outer);
      return end;
    } finally {
      inSetup = false;
    }
    for (ExecutionListener l : ls.execution) {
      calling = l;
      l.executionStarted(this);
    }
    for (int i = 0; i < threads.size() && !stop; i++) {
      start(threads.get(i), controller);
    }
    if (!stop && end == null) {
      ModelThread first = decide(null);
      if (first != null) {
        running = first;
        controller.passTo(first.baton);
      }
    }
    if (end == null) {
      end = stop ? ExecutionEnd.VIOLATION : ExecutionEnd.MODEL_ERROR;
    }
    for (ModelThread t : threads) {
      if (!t.finished && t.started && t.pending != null) {
        pendingAtEnd.add(t);
      }
    }
    abortRemaining();
    running = null;
    for (ExecutionListener l : ls.execution) {
      calling = l;
      l.executionFinished(this, end);
    }
    restore(outer);
    return end;
  }

  private static void restore(Execution outer) {
    if (outer == null) {
      CURRENT.remove();
    } else {
      CURRENT.set(outer);
    }
  }

  private void start(ModelThread t, Baton from) {
    t.started = true;
    t.starter = from;
    running = t;
    t.baton.thread.start();
    from.passTo(t.baton);
  }

  private void abortRemaining() {
    aborted = true;
    for (ModelThread t : threads) {
      if (!t.finished && t.started) {
        running = t;
        controller.passTo(t.baton);
      }
    }
  }

  @Override
  public void thread(String name, Runnable body) {
    if (!inSetup) {
      throw new IllegalStateException("World.thread() is for Scenario.setup; use Sched.spawn in model threads");
    }
    newThread(name, body, -1);
  }

  private ModelThread newThread(String name, Runnable body, int spawnEvent) {
    if (threads.size() == MAX_THREADS) {
      throw new IllegalStateException("more than " + MAX_THREADS + " model threads");
    }
    ModelThread creator = spawnEvent < 0 ? null : running;
    int slot = creator == null ? 0 : creator.id + 1;
    int tid = ids.idFor(creator == null ? -1 : creator.id, started[slot]++);
    ModelThread t = new ModelThread(this, tid, uniqueName(name), body, spawnEvent);
    threads.add(t);
    byTid[tid] = t;
    threadRefs.add(t.ref);
    return t;
  }

  /** {@code name}, or {@code name#2}, {@code name#3}... if a thread of this execution has it. */
  private String uniqueName(String name) {
    String n = name;
    for (int k = 2; nameTaken(n); k++) {
      n = name + "#" + k;
    }
    return n;
  }

  private boolean nameTaken(String n) {
    for (ModelThread t : threads) {
      if (t.name.equals(n)) {
        return true;
      }
    }
    return false;
  }

  /** Spawns a thread from a model thread and runs it to its first scheduling point. */
  void spawn(String name, Runnable body) {
    ModelThread parent = running;
    if (parent == null) {
      thread(name, body);
      return;
    }
    ModelThread child = newThread(name, body, ops.size() - 1);
    start(child, parent.baton);
    running = parent;
    checkAbort(parent);
    if (stop) {
      endHere(parent, ExecutionEnd.VIOLATION);
    }
  }

  /** Body of every model thread's virtual thread. */
  void threadMain(ModelThread t) {
    Throwable failure = null;
    calling = null;
    try {
      t.body.run();
    } catch (AbortSignal a) {
      // the execution ended early; unwind quietly
    } catch (OutOfMemoryError e) {
      // a resource problem, not a property violation of the model
      modelError(Checker.outOfMemory("model thread '" + t.name + "'"));
      stop = true;
      t.finished = true;
      Baton.give(t.starter != null ? t.starter : controller);
      t.starter = null;
      return;
    } catch (Throwable e) {
      failure = e;
    }
    t.finished = true;
    if (failure != null && calling != null && !(failure instanceof ModelBug)) {
      // A listener or property threw inside a callback: not the model's exception.
      modelError("listener " + calling.getClass().getName() + " threw " + failure
          + (failure.getStackTrace().length > 0 ? " at " + failure.getStackTrace()[0] : ""));
      stop = true;
      Baton s = t.starter != null ? t.starter : controller;
      t.starter = null;
      Baton.give(s);
      return;
    }
    if (aborted) {
      Baton.give(controller);
      return;
    }
    if (failure instanceof ModelBug bug) {
      // a primitive misused (unlock of a lock not held, an empty range, ...): the model is wrong
      List<StackTraceElement> where = ModelFrames.modelFramesOf(bug);
      modelError("model bug in thread '" + t.name + "': " + bug.getMessage()
          + (where.isEmpty() ? "" : " at " + ModelFrames.format(where.get(0))));
      stop = true;
      Baton s = t.starter != null ? t.starter : controller;
      t.starter = null;
      Baton.give(s);
      return;
    }
    observing = true;
    for (ThreadListener l : ls.thread) {
      calling = l;
      if (failure == null) {
        l.threadFinished(this, t.ref, List.copyOf(t.held));
      } else {
        l.threadFailed(this, t.ref, failure);
      }
    }
    observing = false;
    if (t.starter != null) {
      Baton s = t.starter;
      t.starter = null;
      Baton.give(s);
      return;
    }
    if (stop) {
      end = ExecutionEnd.VIOLATION;
      Baton.give(controller);
      return;
    }
    ModelThread next = decide(null);
    if (next == null) {
      Baton.give(controller);
    } else {
      running = next;
      Baton.give(next.baton);
    }
  }

  // ---- scheduling points (called on model threads) ----

  /** A scheduling point: waits for this thread's turn, performs {@code op}, returns its value. */
  Object step(Op op) {
    ModelThread me = running;
    if (me == null || Thread.currentThread() != me.baton.thread) {
      if (inSetup) {
        return op.target == null ? null : op.target.apply(op, null);
      }
      throw new IllegalStateException("scheduling point " + op + " outside a model thread");
    }
    checkAbort(me);
    me.pending = op;
    if (spinLimit > 0 && me.spin.repeats() >= spinLimit && (op.code == OpCode.READ || op.code == OpCode.CMPXCHG)) {
      spinLimitReached(me);
    }
    if (op.mightSleep() && ls.thread.length > 0) {
      observing = true;
      for (ThreadListener l : ls.thread) {
        calling = l;
        l.aboutToSleep(this, me.ref, op.name(), op.objectName(), me.held);
      }
      observing = false;
      if (stop && me.starter == null) {
        endHere(me, ExecutionEnd.VIOLATION);
      }
      // (a violation before the thread's first scheduling point: hand back to the starter
      // below, which sees the stop and ends the execution)
    }
    if (me.starter != null) {
      Baton s = me.starter;
      me.starter = null;
      me.baton.passTo(s);
      checkAbort(me);
    } else {
      ModelThread next = decide(me);
      if (next == null) {
        endHere(me, end);
      } else if (next != me) {
        running = next;
        me.baton.passTo(next.baton);
        checkAbort(me);
      }
    }
    return execute(me, op);
  }

  private void checkAbort(ModelThread me) {
    if (aborted) {
      throw AbortSignal.INSTANCE;
    }
  }

  /** Ends the execution from model thread {@code me}: hands control to the explorer for good. */
  private void endHere(ModelThread me, ExecutionEnd how) {
    if (end != ExecutionEnd.MODEL_ERROR) {
      end = how;
    }
    me.baton.passTo(controller);
    throw AbortSignal.INSTANCE;
  }

  private Object execute(ModelThread me, Op op) {
    calling = null;
    int index = ops.size();
    Object v = null;
    if (op.code == OpCode.CHOOSE) {
      v = decider.choose(this, index, (Integer) op.arg);
      if ((Integer) v < 0) {
        endHere(me, ExecutionEnd.MODEL_ERROR);
      }
      choices.put(index, (Integer) v);
    }
    if (sealed < index - 1) {
      seal();
    }
    if (index == tids.length) {
      tids = java.util.Arrays.copyOf(tids, index * 2);
      free = java.util.Arrays.copyOf(free, index * 2);
      before = java.util.Arrays.copyOf(before, index * 2);
    }
    free[index] = op.target instanceof SyncObject so && so.availableForBlocking();
    before[index] = op.target instanceof Cell<?> c ? c.peekQuietly() : null;
    if (op.code != OpCode.CHOOSE) {
      v = op.target != null ? op.target.apply(op, me) : op.arg;
    }
    ops.add(op);
    footprints.add(Footprint.executed(op, me.id, v));
    tids[index] = me.id;
    me.localCount++;
    me.spin.executed(op, v, index);
    EventKind kind = op.code.kind;
    if (v == Boolean.FALSE && kind == EventKind.ACQUIRE) {
      kind = EventKind.TRYLOCK_FAILED;
    }
    Object shown = op.code == OpCode.WRITE || op.code == OpCode.READ || op.code == OpCode.CHOOSE
        || op.code == OpCode.RCU_GP_WAIT || op.code == OpCode.FETCH_ADD || op.code == OpCode.TS_ALLOC
        || v instanceof Boolean ? v : null;
    Event ev = new Event(index, me.ref, kind, op.name(), op.objectName(), shown, op.mightSleep(), op.target);
    if (capture) {
      List<String> held = new ArrayList<>(me.held.size());
      for (Held h : me.held) {
        held.add(h.toString());
      }
      trace.add(new TraceEvent(ev, ModelFrames.location(ModelFrames.current(1)), held));
    }
    observing = true;
    dispatching = index;
    dispatch(me, op, ev);
    dispatching = -1;
    observing = false;
    calling = null;
    if (stop) {
      endHere(me, ExecutionEnd.VIOLATION);
    }
    return v;
  }

  private void dispatch(ModelThread me, Op op, Event ev) {
    for (int i = 0; i < notes.size(); i++) {
      Object[] n = notes.get(i);
      SyncObject lock = (SyncObject) n[0];
      LockMode mode = (LockMode) n[1];
      Boolean trylock = (Boolean) n[2];
      for (LockListener l : ls.lock) {
      calling = l;
        if (trylock == null) {
          l.lockReleased(this, ev, lock, mode);
        } else {
          l.lockAcquired(this, ev, lock, mode, trylock);
        }
      }
    }
    notes.clear();
    if (ls.object.length > 0 && (op.code == OpCode.TS_ALLOC || op.code == OpCode.TS_FREE)) {
      Tracked t = op.code == OpCode.TS_FREE ? (Tracked) op.arg : (Tracked) ev.value();
      for (ObjectListener l : ls.object) {
        calling = l;
        if (t != null && op.code == OpCode.TS_ALLOC) {
          l.objectAllocated(this, ev, t);
        } else if (t != null) {
          l.objectFreed(this, ev, t);
        }
      }
    } else if (ls.object.length > 0 && op.owner >= 0) {
      Tracked t = (Tracked) objects.get(op.owner);
      for (ObjectListener l : ls.object) {
      calling = l;
        switch (op.code) {
          case ALLOC -> l.objectAllocated(this, ev, t);
          case FREE -> l.objectFreed(this, ev, t);
          default -> l.objectAccessed(this, ev, t);
        }
      }
    }
    for (EventListener l : ls.event) {
      calling = l;
      l.eventExecuted(this, ev);
    }
  }

  /**
   * Runs {@code sleep} (a blocking step) with every {@link GiantLock} of {@code me} given up:
   * one {@code sleep_release} event per giant lock (innermost first), the sleep, then one
   * {@code wake_reacquire} per giant lock (outermost first), each waiting until it is free.
   */
  void sleepWithoutGiants(ModelThread me, Runnable sleep) {
    List<GiantLock> gs = List.copyOf(me.giants);
    int[] depths = new int[gs.size()];
    for (int i = gs.size() - 1; i >= 0; i--) {
      depths[i] = (Integer) step(new Op(OpCode.GIANT_SLEEP_RELEASE, gs.get(i), null));
    }
    sleep.run();
    for (int i = 0; i < gs.size(); i++) {
      step(new Op(OpCode.GIANT_REACQUIRE, gs.get(i), depths[i]));
    }
  }

  void noteAcquire(ModelThread t, SyncObject lock, LockMode mode, boolean trylock) {
    if (t == null) {
      return;
    }
    t.held.add(new Held(lock, mode));
    notes.add(new Object[] {lock, mode, trylock});
  }

  void noteRelease(ModelThread t, SyncObject lock, LockMode mode) {
    if (t == null) {
      return;
    }
    for (int i = t.held.size() - 1; i >= 0; i--) {
      if (t.held.get(i).lock() == lock) {
        t.held.remove(i);
        break;
      }
    }
    notes.add(new Object[] {lock, mode, null});
  }

  /**
   * Who runs next, or null if the execution is over ({@link #end} then says why). The one
   * place where deadlock is decided.
   */
  private ModelThread decide(ModelThread prev) {
    long enabled = 0;
    boolean unfinished = false;
    for (int i = 0; i < threads.size(); i++) {
      ModelThread t = threads.get(i);
      if (t.finished) {
        continue;
      }
      unfinished = true;
      boolean en = t.pending.enabled(t);
      if (en) {
        enabled |= 1L << t.id; // stable ids: spawn order (list position) may differ between executions
      }
      if (en != t.enabledLast) {
        t.enabledLast = en;
        observing = true;
        for (ThreadListener l : ls.thread) {
          calling = l;
          if (en) {
            l.threadUnblocked(this, t.ref);
          } else {
            if (t.pending.target instanceof SyncObject on) {
              l.threadBlocked(this, t.ref, on);
            }
          }
        }
        observing = false;
      }
    }
    if (enabled == 0) {
      if (!unfinished) {
        end = ExecutionEnd.COMPLETED;
        return null;
      }
      end = ExecutionEnd.DEADLOCK;
      waitFor = WaitForGraph.of(threads);
      for (ExecutionListener l : ls.execution) {
      calling = l;
        l.deadlock(this, waitFor);
      }
      return null;
    }
    if (ops.size() >= depthLimit) {
      end = ExecutionEnd.DEPTH_BOUND;
      return null;
    }
    int tid = decider.pick(this, enabled, prev == null || prev.finished ? -1 : prev.id);
    if (tid < 0) {
      if (end == null) {
        end = ExecutionEnd.SLEEP_BLOCKED;
      }
      return null;
    }
    return byTid[tid];
  }

  /** Marks the execution as a model error (divergence on replay, engine failure). */
  int modelError(String message) {
    errorMessage = message;
    end = ExecutionEnd.MODEL_ERROR;
    return -2;
  }

  /**
   * {@code me} re-ran the same reads {@link #spinLimit} times with no write by anyone else. If
   * no other thread can run (or those that can are busy-waiting too), nobody will write: a
   * livelock violation (see
   * {@link SpinDetector}). Otherwise this execution is an unfair prefix and is cut
   * ({@link ExecutionEnd#SPIN_BOUND}); the other orders are explored by the search.
   */
  private void spinLimitReached(ModelThread me) {
    for (ModelThread t : threads) {
      if (t != me && !t.finished && t.started && t.pending != null && t.pending.enabled(t) && t.spin.repeats() == 0) {
        if (me.starter == null) {
          endHere(me, ExecutionEnd.SPIN_BOUND);
        }
        return;
      }
    }
    // every other thread is finished, blocked or busy-waiting itself: nobody will write
    String where = ModelFrames.location(ModelFrames.current(1));
    violations.add(new Violation("livelock", "possible livelock: " + me.name + " re-read " + me.spin.describe() + " "
        + me.spin.repeats() + " times at " + where + " and no other thread wrote it",
        List.of("a busy-wait that another thread is meant to end can be modelled with Cell.awaitUntil; "
            + "the limit is search.spin_limit"), ops.size() - 1, me.name));
    stop = true;
    if (me.starter == null) {
      endHere(me, ExecutionEnd.VIOLATION);
    }
  }

  void assertionFailed(String message) {
    violations.add(new Violation("assertion", message, List.of(), ops.size() - 1,
        running == null ? "setup" : running.name));
    stop |= stopOnViolation;
  }

  // ---- ExecutionContext ----

  @Override
  public int executionNumber() {
    return number;
  }

  @Override
  public ThreadRef currentThread() {
    return running == null ? null : running.ref;
  }

  @Override
  public List<ThreadRef> threads() {
    return threadRefs;
  }

  @Override
  public List<Held> heldBy(ThreadRef thread) {
    if (running == null || thread.id() != running.id) {
      observe(Footprint.heldSet(thread.id()), OpCode.Dep.OBSERVE);
    }
    return byTid[thread.id()].held;
  }

  @Override
  public int eventCount() {
    return ops.size();
  }

  @Override
  public void report(Property property, String message, List<String> details) {
    report(property, message, details, null);
  }

  @Override
  public void report(Property property, String message, List<String> details, LockCycle cycle) {
    violations.add(new Violation(property.name(), message, details, ops.size() - 1,
        running == null ? "-" : running.name, cycle));
    stop |= stopOnViolation;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T searchShared(String key, java.util.function.Supplier<T> make) {
    if (shared == null) {
      throw new IllegalStateException("no search in progress");
    }
    return (T) shared.apply(key, (java.util.function.Supplier<Object>) (java.util.function.Supplier<?>) make);
  }

  @Override
  public List<StackTraceElement> modelStack(int max) {
    return ModelFrames.current(max);
  }

  @Override
  public List<StackTraceElement> stackAt(int eventIndex) {
    if (eventIndex < 0 || eventIndex >= ops.size()) {
      throw new IndexOutOfBoundsException("event " + eventIndex + " of " + ops.size());
    }
    if (eventIndex == dispatching && running != null && Thread.currentThread() == running.baton.thread) {
      return ModelFrames.current(Replayer.STACK_DEPTH); // the event being called back: its stack is here
    }
    return prefixThrough(eventIndex).stackAt(eventIndex);
  }

  @Override
  public Witness witness(int eventIndex) {
    if (eventIndex < 0 || eventIndex >= ops.size()) {
      throw new IndexOutOfBoundsException("event " + eventIndex + " of " + ops.size());
    }
    return new Witness(prefixThrough(eventIndex), eventIndex, number);
  }

  /** A schedule prefix that covers event {@code i}: the cached one, or one up to the latest event. */
  private PrefixReplay prefixThrough(int i) {
    if (prefix == null || prefix.length() <= i) {
      prefix = new PrefixReplay(scenario, steps(ops.size()), depthLimit);
    }
    return prefix;
  }

  /** The decisions of the first {@code length} events, as schedule steps. */
  List<Schedule.Step> steps(int length) {
    List<Schedule.Step> steps = new ArrayList<>(length);
    for (int k = 0; k < length; k++) {
      Op op = ops.get(k);
      steps.add(new Schedule.Step(tids[k], byTid[tids[k]].name, choiceAt(k), op.name(), op.objectName()));
    }
    return steps;
  }

  /**
   * The counterexample of this (ended) execution for {@code v}, its schedule up to the
   * violation's event, or (v null, a model error) up to its last event, replayed with trace
   * capture. Called by the search that ran it.
   */
  Counterexample counterexample(Violation v) {
    int length = v == null ? ops.size() : Math.min(ops.size(), v.eventIndex() + 1);
    Schedule schedule = new Schedule(scenario.name(), java.util.Map.of(), steps(length));
    return Replayer.capture(scenario, schedule, depthLimit, v, end, number);
  }
}
