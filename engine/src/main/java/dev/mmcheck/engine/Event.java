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
 */
public record Event(int index, ThreadRef thread, EventKind kind, String op, String object, Object value,
    boolean mightSleep) {
  public Event {
    Objects.requireNonNull(thread);
    Objects.requireNonNull(kind);
    Objects.requireNonNull(op);
    Objects.requireNonNull(object);
  }

  /** E.g. {@code down_read(mm.mmap_sem)} or {@code write(vma1.vm_start) = 0x3000}. */
  public String describe() {
    String s = op + "(" + object + ")";
    return value == null ? s : s + " = " + Values.show(value);
  }
}
