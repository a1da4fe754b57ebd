package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadListener;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Vma;
import java.util.List;
import java.util.Set;

/**
 * The rules of seed 002's Documentation/vm/locking (Oct 1999), checked on every event of every
 * era, reporting which rule broke:
 *
 * <ol>
 *   <li>modifying the vmlist (a write to {@code mm->mmap} or to {@code vm_start}, {@code vm_end},
 *       {@code vm_offset}, {@code vm_flags} or {@code vm_next} of a VMA <em>in the list</em>)
 *       requires {@code mmap_sem} (for write, where it is an rwsem);
 *   <li>... and {@code vmlist_modify_lock} (an era without a vmlist lock cannot obey it);
 *   <li>scanning the vmlist (reading {@code mm->mmap}, {@code mm->mmap_cache}, or {@code vm_start},
 *       {@code vm_end}, {@code vm_next} of a listed VMA) requires {@code mmap_sem} or
 *       {@code vmlist_access_lock};
 *   <li>no sleeping (and so no page stealing) while holding a vmlist lock;
 *   <li>no taking mm B's vmlist lock while holding mm A's.
 * </ol>
 *
 * VMAs not in the list (being built, or already unlinked) are exempt, as the document says
 * ("This does not include driver mmap() methods ... since the vma is still not in the list").
 * Rules 1 and 3 guard "against clones doing mmap/munmap/faults", so they do not apply to an mm
 * no task uses yet (a fork child, {@link MmStruct#isUnshared}); rule 2 guards against page stealers, so
 * it does not apply to an mm they cannot find ({@link MmStruct#onMmlist} false).
 */
public final class VmlistRules implements Property, ObjectListener, LockListener, ThreadListener {
  private static final Set<String> MODIFY = Set.of("vm_start", "vm_end", "vm_offset", "vm_flags", "vm_next");
  private static final Set<String> SCAN = Set.of("vm_start", "vm_end", "vm_next");

  @Override
  public String name() {
    return "vmlist-rules";
  }

  @Override
  public String description() {
    return "seed 002 Documentation/vm/locking rules 1-5 for the vmlist lock";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    String field = MmLocks.field(event.object());
    MmStruct mm;
    boolean write = event.kind() == EventKind.WRITE;
    if (object instanceof MmStruct m) {
      mm = m;
      if (!(field.equals("mmap") || (!write && field.equals("mmap_cache")))) {
        return;
      }
    } else if (object instanceof Vma v && v.isLinked() && !v.isFreed()) {
      mm = v.mm;
      if (!(write ? MODIFY : SCAN).contains(field)) {
        return;
      }
    } else {
      return;
    }
    List<Held> held = ctx.heldBy(event.thread());
    boolean sem = write ? MmLocks.holdsExclusive(held, mm.mmapSemObject()) : MmLocks.holds(held, mm.mmapSemObject());
    boolean vmlist = MmLocks.holds(held, mm.vmlistLockObject());
    if (write && !sem && !mm.isUnshared()) {
      ctx.report(this, "rule 1 (modify the vmlist only with mmap_sem): " + where(ctx, event, held));
    } else if (write && !vmlist && mm.onMmlist.peek()) {
      ctx.report(this, "rule 2 (modify the vmlist only with vmlist_modify_lock"
          + (mm.vmlistLockObject() == null ? ", which this era does not have" : "") + "): " + where(ctx, event, held));
    } else if (!write && !sem && !vmlist && !mm.isUnshared()) {
      ctx.report(this, "rule 3 (scan the vmlist only with mmap_sem or vmlist_access_lock): " + where(ctx, event, held));
    }
  }

  /** The report's "who did what where": walks the stack, so only when reporting (issue 13.1). */
  private static String where(ExecutionContext ctx, Event event, List<Held> held) {
    return event.thread() + " " + event.describe() + " in " + MmLocks.function(ctx) + " holding " + held;
  }

  @Override
  public void aboutToSleep(ExecutionContext ctx, ThreadRef thread, String op, String object, List<Held> held) {
    for (Held h : held) {
      if (!MmLocks.isVmlistLock(h.lock())) {
        continue;
      }
      if (!object.equals(h.lock().name()) && object.endsWith("." + h.lock().lockClass())) {
        ctx.report(this, "rule 5 (no vmlist lock of mm B under mm A's): " + thread + " " + op + "(" + object
            + ") while holding " + h);
      } else {
        ctx.report(this, "rule 4 (no sleeping or page stealing under vmlist_modify_lock): " + thread + " " + op
            + "(" + object + ") in " + MmLocks.function(ctx) + " while holding " + h);
      }
      return;
    }
  }

  @Override
  public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
    checkNesting(ctx, event.thread(), lock);
  }

  @Override
  public void threadBlocked(ExecutionContext ctx, ThreadRef thread, SyncObject on) {
    checkNesting(ctx, thread, on);
  }

  private void checkNesting(ExecutionContext ctx, ThreadRef thread, SyncObject lock) {
    if (!MmLocks.isVmlistLock(lock)) {
      return;
    }
    for (Held h : ctx.heldBy(thread)) {
      if (h.lock() != lock && MmLocks.isVmlistLock(h.lock())) {
        ctx.report(this, "rule 5 (no vmlist lock of mm B under mm A's): " + thread + " takes " + lock.name()
            + " while holding " + h);
        return;
      }
    }
  }
}
