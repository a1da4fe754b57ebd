package dev.mmcheck.engine;

import java.util.Objects;

/**
 * One executed scheduling point. Immutable.
 *
 * @param index position in the execution's trace, from 0
 * @param thread the thread that executed it
 * @param kind coarse classification
 * @param op the kernel-style operation name, e.g. {@code down_read}, {@code read}, {@code free}
 * @param object the instance name of the object operated on (lock, cell "owner.field", ...)
 * @param value the value read, written or chosen, or the trylock outcome; may be null
 * @param mightSleep true if the operation may sleep (might_sleep() in the kernel)
 * @param target the object operated on (a {@link Cell}, {@link Tracked}, lock, ...), or null for a
 *     local operation (choose, yield, might_sleep, spawn) or an event rebuilt from a saved trace.
 *     Typed access for properties: {@link #cell()}, {@link #owner()}, {@link #field()}; reading
 *     the object's state is recorded in the dependency relation like any property read. An
 *     event refers to objects of its execution: a listener should not keep events across
 *     executions (it would keep the execution alive)
 */
public record Event(int index, ThreadRef thread, EventKind kind, String op, String object, Object value,
    boolean mightSleep, ModelObject target) {
  public Event {
    Objects.requireNonNull(thread);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(op);
    Objects.requireNonNull(object);
  }

  /** An event without a typed target (rebuilt from a saved trace, or in tests). */
  public Event(int index, ThreadRef thread, EventKind kind, String op, String object, Object value,
      boolean mightSleep) {
    this(index, thread, kind, op, object, value, mightSleep, null);
  }

  /** The cell read or written, if the target is one. */
  public java.util.Optional<Cell<?>> cell() {
    return target instanceof Cell<?> c ? java.util.Optional.of(c) : java.util.Optional.empty();
  }

  /**
   * The {@link Tracked} object the event touched: the target itself, or the owner of the cell
   * (a field of that object) it read or wrote.
   */
  public java.util.Optional<Tracked> owner() {
    if (target instanceof Tracked t) {
      return java.util.Optional.of(t);
    }
    if (target instanceof Cell<?> c && c.owner() != null) {
      return java.util.Optional.of(c.owner());
    }
    return java.util.Optional.empty();
  }

  /** For a field of a tracked object: the field's name ({@code vm_start} for {@code vma1.vm_start}). */
  public java.util.Optional<String> field() {
    if (target instanceof Cell<?> c && c.owner() != null) {
      return java.util.Optional.of(c.field());
    }
    return java.util.Optional.empty();
  }

  /** {@code value} as an instance of {@code type}, if it is one (e.g. the VMA a cell held). */
  public <T> java.util.Optional<T> valueAs(Class<T> type) {
    return type.isInstance(value) ? java.util.Optional.of(type.cast(value)) : java.util.Optional.empty();
  }

  /** E.g. {@code down_read(mm.mmap_sem)} or {@code write(vma1.vm_start) = 0x3000}. */
  public String describe() {
    String s = op + "(" + object + ")";
    return value == null ? s : s + " = " + Values.show(value);
  }
}
