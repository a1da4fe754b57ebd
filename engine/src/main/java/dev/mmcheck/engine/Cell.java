package dev.mmcheck.engine;

/**
 * A shared memory location. Every {@link #get} and {@link #set} is a scheduling point, so
 * races on unprotected fields (kswapd reading {@code vm_start} while mprotect writes it) are
 * explored. Two reads commute; a read and a write, or two writes, do not.
 *
 * <p>A cell created by {@link Tracked#cell} belongs to that object: using it after the object
 * was freed is a use-after-free, and the free is ordered against every use of its cells.
 *
 * @param <T> the value type; values should be immutable (Integer, Long, String, records, or
 *     {@link Tracked} references)
 */
public final class Cell<T> extends ModelObject {
  private final Tracked owner;
  private T value;

  /** A free-standing shared location, e.g. {@code mm.mmap_cache}. */
  public Cell(String name, T initial) {
    this(null, name, initial);
  }

  Cell(Tracked owner, String name, T initial) {
    super(name);
    this.owner = owner;
    this.value = initial;
  }

  /** Reads the value: a scheduling point. */
  @SuppressWarnings("unchecked")
  public T get() {
    return (T) exec.step(new Op(OpCode.READ, this, null));
  }

  /** Writes the value: a scheduling point. */
  public void set(T v) {
    exec.step(new Op(OpCode.WRITE, this, v));
  }

  /**
   * Reads without a scheduling point. For listeners and properties checking invariants (the
   * read becomes part of the current event's footprint, so DPOR orders it against every write
   * of the cell), and for model code that already holds the lock that protects the cell —
   * using it elsewhere in model code hides races from the checker.
   */
  public T peek() {
    observed(OpCode.Dep.READ);
    return value;
  }

  /** The owning tracked object, or null. */
  public Tracked owner() {
    return owner;
  }

  @Override
  int ownerId() {
    return owner == null ? -1 : owner.id;
  }

  @Override
  long ownerKey() {
    return owner == null ? -1 : owner.key;
  }

  @Override
  @SuppressWarnings("unchecked")
  Object apply(Op op, ModelThread t) {
    if (op.code == OpCode.WRITE) {
      value = (T) op.arg;
    }
    return value;
  }
}
