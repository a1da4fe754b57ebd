package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Vma;
import java.util.List;
import java.util.Set;

/**
 * VMA existence, checked at every use of a VMA (a read or write of one of its fields, or a call
 * through its ops). Three clauses, each naming the VMA, the thread and the kernel function:
 *
 * <ol>
 *   <li><b>freed</b>: the VMA was freed ({@code kmem_cache_free}) - a use after free.
 *   <li><b>stale</b>: a list field ({@code vm_start}, {@code vm_end}, {@code vm_offset},
 *       {@code vm_flags}, {@code vm_next}) of a VMA that is no longer in its mm's list is read by
 *       a thread that is not itself changing that list (e.g. found through a stale
 *       {@code mmap_cache}): the lock the reader holds does not keep that VMA anything.
 *   <li><b>unlocked</b>: a VMA in the list is used by a thread that is not changing the list
 *       and holds no lock that keeps it there in the mm's era: {@code mmap_sem}, the era's vmlist
 *       lock, or the BKL where every VMA-freeing path holds it (2.1/2.2) or {@code do_munmap}
 *       interlocks with it (2.3.21 to mm18).
 * </ol>
 *
 * Threads in the middle of a list change (the ghost {@link MmStruct#isChanging}) are exempt from
 * 2 and 3: whether they may change it is {@link VmlistRules}' business.
 */
public final class VmaExistence implements Property, ObjectListener {
  private static final Set<String> LIST_FIELDS = Set.of("vm_start", "vm_end", "vm_offset", "vm_flags", "vm_next");

  @Override
  public String name() {
    return "vma-existence";
  }

  @Override
  public String description() {
    return "no use of a freed or unlinked VMA; a listed VMA is used only under a lock that keeps it listed";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof Vma v)) {
      return;
    }
    String t = event.thread().name();
    String what = event.op() + "(" + event.object() + ")";
    if (v.isFreed()) {
      ctx.report(this, "use after free: " + t + " did " + what + " in " + MmLocks.function(ctx) + " on " + v.name()
          + ", freed by " + v.freedBy() + " at event " + v.freedAtEvent(),
          List.of("freed at event #" + v.freedAtEvent() + " by " + v.freedBy(),
              "used  at event #" + event.index() + " by " + t));
      return;
    }
    MmStruct mm = v.mm;
    if (mm.isChanging(t)) {
      return;
    }
    if (!v.isLinked()) {
      if (LIST_FIELDS.contains(MmLocks.field(event.object()))) {
        ctx.report(this, "stale VMA: " + t + " did " + what + " in " + MmLocks.function(ctx) + " but " + v.name()
            + " is no longer in " + mm.name() + "'s list (being changed by " + mm.changers() + ")");
      }
      return;
    }
    List<Held> held = ctx.heldBy(event.thread());
    if (!MmLocks.stabilises(held, mm)) {
      String needs = mm.mmapSemObject().name()
          + (mm.vmlistLockObject() == null ? "" : " or " + mm.vmlistLockObject().name())
          + (MmLocks.bklStabilises(mm) ? " or " + mm.kernel.kernelLock.name() : "");
      ctx.report(this, "unlocked VMA use: " + t + " did " + what + " in " + MmLocks.function(ctx) + " holding "
          + held + "; in this era only " + needs + " keeps " + v.name() + " in the list");
    }
  }
}
