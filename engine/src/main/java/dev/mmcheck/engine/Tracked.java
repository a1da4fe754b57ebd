package dev.mmcheck.engine;

/**
 * An object whose lifetime the checker tracks, such as a VMA: allocation, free and every use
 * go through the runtime, so a use after free is a violation with both places (who freed it,
 * who used it), not a silent Java reference. Fields that other threads may read or write are
 * {@link Cell}s made by {@link #cell}.
 *
 * <pre>{@code
 * final class Vma extends Tracked {
 *   final Cell<Long> vmStart = cell("vm_start", 0x1000L);
 *   Vma(String name) { super(name); }
 * }
 * }</pre>
 *
 * Creating one inside a model thread is an {@code alloc} event; {@link #free} and
 * {@link #access} are scheduling points. Freeing twice is reported by the use-after-free
 * property as a double free.
 */
public abstract non-sealed class Tracked extends ModelObject {
  private boolean freed;
  private int freedAtEvent = -1;
  private String freedBy;
  /** The type-stable cache it belongs to, or null (see {@link TypeStableCache}). */
  TypeStableCache<?> cache;
  private int generation;

  protected Tracked(String name) {
    super(name);
    exec.step(new Op(OpCode.ALLOC, this, null));
  }

  /** Makes a field of this object: a cell named {@code <object>.<field>}. */
  protected final <T> Cell<T> cell(String field, T initial) {
    return new Cell<>(this, name() + "." + field, initial);
  }

  /**
   * Frees the object ({@code kmem_cache_free}): a scheduling point. An object of a
   * {@link TypeStableCache} goes back to its cache.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public final void free() {
    if (cache != null) {
      ((TypeStableCache) cache).free(this);
      return;
    }
    exec.step(new Op(OpCode.FREE, this, null));
  }

  /**
   * How many times a {@link TypeStableCache} handed this object out again (0 for a fresh
   * object). Not a scheduling point; a property's read is recorded in the dependency relation.
   */
  public final int generation() {
    observed(OpCode.Dep.READ);
    return generation;
  }

  /** True if it comes from a {@link TypeStableCache}: using it after a free is not a use after free. */
  public final boolean typeStable() {
    return cache != null;
  }

  /** Marks it freed by {@code t}; false if it already was. */
  final boolean markFreed(ModelThread t) {
    if (freed) {
      return false;
    }
    freed = true;
    freedAtEvent = exec.eventCount();
    freedBy = t == null ? "setup" : t.name;
    return true;
  }

  /** A type-stable cache hands it out again. */
  final void reincarnate() {
    freed = false;
    freedAtEvent = -1;
    freedBy = null;
    generation++;
  }

  /** Marks a use of the object itself (e.g. calling through its ops): a scheduling point. */
  public final void access() {
    exec.step(new Op(OpCode.ACCESS, this, null));
  }

  /** Whether the object has been freed. Not a scheduling point. */
  public final boolean isFreed() {
    observed(OpCode.Dep.READ);
    return freed;
  }

  /** Index of the event that freed it, or -1. */
  public final int freedAtEvent() {
    observed(OpCode.Dep.READ);
    return freedAtEvent;
  }

  /** Name of the thread that freed it, or null. */
  public final String freedBy() {
    observed(OpCode.Dep.READ);
    return freedBy;
  }

  @Override
  final int ownerId() {
    return id;
  }

  @Override
  final long ownerKey() {
    return key;
  }

  @Override
  final Object apply(Op op, ModelThread t) {
    if (op.code == OpCode.FREE) {
      return markFreed(t);
    }
    return null;
  }
}
