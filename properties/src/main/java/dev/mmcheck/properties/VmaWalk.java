package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.ListedVma;
import java.util.List;

/**
 * {@code vma-walk}: VMA list and cache consistency for lookups that do not exclude list changes
 * (walkers holding only a range of a range-locked mm, seed 003): no thread other than the one
 * that unlinked a VMA reads a list field of it ({@code vm_start}, {@code vm_end},
 * {@code vm_flags}, {@code vm_next}, {@code vm_state}: see {@link ListedVma#isListField}) after
 * it left its mm's list, and nobody reads one of a freed VMA. It catches a walker that followed
 * {@code vm_next} into a VMA being removed, a {@code vmacache} hit on a VMA that is gone, and a
 * {@code dup_mmap} that copies a VMA that is no longer there, at the first such read, before any
 * use after free.
 *
 * <p>The part-1 properties {@code vma-existence} and {@code vma-list-invariants} express the
 * same idea for the part-1 {@code MmStruct}/{@code Vma} and the 1998-1999 locks (their lock
 * rules name that mm's semaphore, vmlist lock and BKL); this one works on any model that
 * implements {@link ListedVma}. Freed VMAs are also caught by the engine's
 * {@code use-after-free}; this property reports them with the list-walk context.
 */
public final class VmaWalk implements Property, ObjectListener {
  @Override
  public String name() {
    return "vma-walk";
  }

  @Override
  public String description() {
    return "no thread but its unlinker reads a list field of an unlinked VMA; nobody reads a freed one";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof ListedVma v) || !v.isListField(event.object())) {
      return;
    }
    String t = event.thread().name();
    String what = event.op() + "(" + event.object() + ")";
    if (object.isFreed()) {
      ctx.report(this, "walk into a freed VMA: " + t + " did " + what + " in " + MmLocks.function(ctx) + "; "
          + object.name() + " was freed by " + object.freedBy() + " at event " + object.freedAtEvent(),
          List.of("freed at event #" + object.freedAtEvent() + " by " + object.freedBy(),
              "read  at event #" + event.index() + " by " + t));
      return;
    }
    String by = v.peekUnlinkedBy();
    if (by != null && !by.equals(t)) {
      ctx.report(this, "stale VMA: " + t + " did " + what + " in " + MmLocks.function(ctx) + ", but " + object.name()
          + " was unlinked from " + v.mmName() + "'s list by " + by);
    }
  }
}
