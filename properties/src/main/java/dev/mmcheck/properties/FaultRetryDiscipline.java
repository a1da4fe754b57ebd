package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Vma26;

/**
 * Fault-retry discipline (d065bd810b6d and the 2013 mmap_sem-less fault): once a fault has
 * dropped mmap_sem to return {@code VM_FAULT_RETRY} (or to call the filesystem without it),
 * nothing it obtained by a VMA lookup under that lock - the VMA pointer, hence any of its fields -
 * may be used again before a new lookup, unless the fault holds it pinned by an SRCU read section
 * begun before the drop (the speculative-page-fault design: the VMA stays allocated, and the
 * fault validates its contents before using what it read). Checked at every use of a VMA
 * against the ghost state of the VMA's own {@link Mm26} ({@code find_vma} notes lookups, the drop
 * sites note drops, {@code srcu_read_lock}/{@code unlock} sites note pins); that state is
 * per thread, written and read only on behalf of the thread that uses the VMA. It fires on the
 * stale use itself, whether or not the VMA was actually freed or changed meanwhile.
 */
public final class FaultRetryDiscipline implements Property, ObjectListener {
  @Override
  public String name() {
    return "fault-retry";
  }

  @Override
  public String description() {
    return "after VM_FAULT_RETRY no VMA found under the dropped mmap_sem is used without a new find_vma";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof Vma26 v)) {
      return;
    }
    Mm26 mm = v.mm;
    String t = event.thread().name();
    if (mm.ghostStale(t, v)) {
      ctx.report(this, "stale VMA after fault retry: " + t + " did " + event.op() + "(" + event.object() + ") in "
          + MmLocks.function(ctx) + " but dropped " + mm.mmapSem.name() + " since it looked " + v.name()
          + " up" + (v.isFreed() ? " (freed by " + v.freedBy() + ")" : ""));
    }
  }
}
