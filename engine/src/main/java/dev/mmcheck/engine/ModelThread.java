package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A model thread: a virtual thread that runs only while it holds the execution's baton.
 *
 * <pre>
 *   created --(runs to its first scheduling point)--&gt; waiting(pending op)
 *   waiting --scheduled--&gt; running --next scheduling point--&gt; waiting
 *   running --body returns/throws--&gt; finished
 *   waiting --execution ends early--&gt; aborted (AbortSignal unwinds the body)
 * </pre>
 */
final class ModelThread {
  final Execution exec;
  final int id;
  final String name;
  final ThreadRef ref;
  final Runnable body;
  final Baton baton;
  /** Event index of the spawn that created it, or -1 for setup threads. */
  final int spawnEvent;

  Op pending;
  /** Its virtual thread was started (setup threads are started one by one before the first decision). */
  boolean started;
  boolean finished;
  boolean enabledLast = true;
  /** Number of events this thread executed. */
  int localCount;
  final List<Held> held = new ArrayList<>(4);
  /** Giant locks held now, in acquisition order (see {@link GiantLock}). */
  final List<GiantLock> giants = new ArrayList<>(1);
  /** Busy-wait detection (see {@link SpinDetector}). */
  final SpinDetector spin = new SpinDetector();
  /** Who to give the baton back to once it reaches its first scheduling point. */
  Baton starter;

  ModelThread(Execution exec, int id, String name, Runnable body, int spawnEvent) {
    this.exec = exec;
    this.id = id;
    this.name = name;
    this.ref = new ThreadRef(id, name);
    this.body = body;
    this.spawnEvent = spawnEvent;
    this.baton = new Baton(exec.carrier.unstarted("mmcheck:" + name, this::main));
  }

  private void main() {
    Execution.CURRENT.set(exec);
    baton.await();
    exec.threadMain(this);
  }

  boolean holdsAtomic() {
    for (Held h : held) {
      if (h.lock().atomicContext()) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return name;
  }
}
