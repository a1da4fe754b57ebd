package dev.mmcheck.engine;

/**
 * Base of everything model threads share through the runtime: cells, tracked objects and
 * synchronisation primitives. Each belongs to the execution in which it was created and gets
 * an id in creation order (so, for a fixed schedule, the same id in every replay).
 */
public abstract sealed class ModelObject permits Cell, Tracked, SyncObject, TypeStableCache {
  final Execution exec;
  /** Position in this execution's creation order (dense; differs between interleavings). */
  final int id;
  /** Stable identity across executions: creating thread and its creation count (see Footprint). */
  final long key;
  private final String name;
  /** Model-side data attached once by the model (see {@link #attach}), or null. */
  private Object attachment;

  ModelObject(String name) {
    this.exec = Execution.current();
    this.id = exec.registerObject(this);
    this.key = exec.newKey();
    this.name = name;
  }

  /** A listener or property read this object's state: it enters the current event's footprint. */
  final void observed(OpCode.Dep dep) {
    exec.observe(key, dep);
  }

  /** The instance name shown in traces, e.g. {@code mm1.mmap_sem} or {@code vma2.vm_start}. */
  public String name() {
    return name;
  }

  /**
   * Attaches model-side data to this object, for listeners and properties that meet the object in
   * a callback and need what it belongs to (the mm a lock is part of). Per execution, like the
   * object itself: nothing outlives the execution. Call it once, while creating the object and
   * before another model thread can see it; DPOR assumes the attachment never changes, so reading
   * it is not an event.
   *
   * @throws IllegalStateException if something is already attached
   */
  public final void attach(Object data) {
    if (attachment != null) {
      throw new IllegalStateException(name + " already has an attachment");
    }
    attachment = java.util.Objects.requireNonNull(data);
  }

  /** What the model {@linkplain #attach attached}, or null. */
  public final Object attachment() {
    return attachment;
  }

  /** Id of the tracked object this belongs to, or -1. */
  int ownerId() {
    return -1;
  }

  /** Stable key of the tracked object this belongs to, or -1. */
  long ownerKey() {
    return -1;
  }

  /** For {@code ACQUIRE} ops only: may {@code t} perform {@code op} now? */
  boolean enabled(Op op, ModelThread t) {
    return true;
  }

  /** Performs {@code op} for {@code t}; returns the value recorded in the event. */
  Object apply(Op op, ModelThread t) {
    return null;
  }

  @Override
  public String toString() {
    return name;
  }
}
