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
  /** Index of the last event that changed it (a write, successful cmpxchg or fetch_add), or -1. */
  private int lastWrite = -1;

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
   * {@code cmpxchg}: if the value equals {@code expected} (by {@code equals}), sets it to
   * {@code update}; one atomic scheduling point. Returns true if it did. A failed exchange only
   * reads (it commutes with other reads and failed exchanges).
   */
  public boolean compareAndSet(T expected, T update) {
    return (Boolean) exec.step(new Op(OpCode.CMPXCHG, this, new Object[] {expected, update}));
  }

  /**
   * A busy-wait, modelled as waiting: {@code while (!until.test(cell)) cpu_relax();}. The thread
   * is disabled until the value satisfies {@code until}, then reads it (one scheduling point),
   * so the search does not interleave useless iterations and a wait that no other thread can
   * end is reported as a deadlock. {@code until} must be a pure function of the value.
   *
   * @return the value that ended the wait
   */
  @SuppressWarnings("unchecked")
  public T awaitUntil(java.util.function.Predicate<? super T> until) {
    return (T) exec.step(new Op(OpCode.AWAIT, this, until));
  }

  /**
   * {@code atomic_fetch_add} on an integer cell: adds {@code delta} and returns the old value;
   * one atomic scheduling point.
   */
  @SuppressWarnings("unchecked")
  public int fetchAdd(int delta) {
    return (Integer) exec.step(new Op(OpCode.FETCH_ADD, this, delta));
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

  /** For the engine: the value, without recording a read. */
  T peekQuietly() {
    return value;
  }

  int lastWrite() {
    return lastWrite;
  }

  /** For a field of a tracked object: the field name given to {@link Tracked#cell}; else the cell's name. */
  public String field() {
    return owner == null ? name() : name().substring(owner.name().length() + 1);
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
  boolean enabled(Op op, ModelThread t) {
    return op.code != OpCode.AWAIT || ((java.util.function.Predicate<Object>) op.arg).test(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case WRITE -> {
        value = (T) op.arg;
        lastWrite = exec.eventCount();
      }
      case CMPXCHG -> {
        Object[] a = (Object[]) op.arg;
        if (!java.util.Objects.equals(value, a[0])) {
          return Boolean.FALSE;
        }
        value = (T) a[1];
        lastWrite = exec.eventCount();
        return Boolean.TRUE;
      }
      case FETCH_ADD -> {
        Integer old = (Integer) value;
        value = (T) Integer.valueOf(old + (Integer) op.arg);
        lastWrite = exec.eventCount();
        return old;
      }
      default -> { }
    }
    return value;
  }
}
