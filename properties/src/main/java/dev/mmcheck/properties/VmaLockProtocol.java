package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Vma6;
import java.util.Set;

/**
 * vma-lock-protocol: the per-VMA lock does what Documentation/mm/process_addrs.rst ("VMA lock
 * internals") says it does, checked at every access of a 6.4 / 6.15 VMA or PTE:
 *
 * <ol>
 *   <li><b>stable under the read lock</b>: no field of a VMA in its mm's tree ({@code vm_start},
 *       {@code vm_end}, {@code vm_pgoff}, {@code vm_flags}, {@code anon_vma}, {@code vm_policy})
 *       is written while another thread holds it read-locked;
 *   <li><b>not detached under the read lock</b>: a VMA is not marked detached (6.4) or freed
 *       (6.15) while another thread holds it read-locked;
 *   <li><b>page tables under the read lock</b>: a thread holding the mmap lock for write does not
 *       change a PTE of a VMA that another thread holds read-locked (an mmap writer's work on a
 *       VMA is exclusive only if it write-locked the VMA: fork fb49c455323f, page walks
 *       49b0638502da);
 *   <li><b>write lock needs mmap write</b>: {@code vm_lock_seq} is set only by a holder of the
 *       VMA's mm's mmap lock for write ({@code vma_start_write});
 *   <li><b>RCU readers check detached first</b>: no read of {@code vm_start}/{@code vm_end} returns
 *       the {@code vm_rcu} head that overlays them once {@code call_rcu} was called (6.4 to 6.10,
 *       107d21077790).
 * </ol>
 *
 * "Read-locked" is the ghost {@link Vma6#ghostReaders}: from a successful {@code vma_start_read}
 * to {@code vma_end_read}. Stateless (reads only cells and lock state).
 */
public final class VmaLockProtocol implements Property, ObjectListener {
  private static final Set<String> FIELDS = Set.of("vm_start", "vm_end", "vm_pgoff", "vm_flags", "anon_vma",
      "vm_policy");

  @Override
  public String name() {
    return "vma-lock-protocol";
  }

  @Override
  public String description() {
    return "a read-locked VMA is not changed, detached or freed; mmap writers write-lock what faults may use;"
        + " RCU readers check detached before vm_start";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    ThreadRef t = event.thread();
    String field = FieldProtection.field(event.object());
    if (object instanceof Vma6 v) {
      if (event.kind() == EventKind.READ && (field.equals("vm_start") || field.equals("vm_end"))
          && Integer.valueOf(Vma6.RCU_HEAD).equals(event.value())) {
        ctx.report(this, "type confusion: " + t + " read " + event.object() + " in " + MmLocks.function(ctx)
            + " after " + v.name() + " was detached and passed to call_rcu: vm_rcu overlays vm_start/vm_end"
            + " (check vma->detached first)");
        return;
      }
      if (event.kind() != EventKind.WRITE || !v.k.era.perVmaLocks()) {
        return;
      }
      Mm6 mm = v.vmMm.peek();
      if (field.equals("vm_lock_seq")) {
        if (mm != null && !V6Locks.holds(ctx.heldBy(t), mm.mmapLock, LockMode.WRITE)) {
          ctx.report(this, t + " write-locked " + v.name() + " (vma_start_write) in " + MmLocks.function(ctx)
              + " without holding " + mm.mmapLock.name() + " for write");
        }
        return;
      }
      boolean detaching = field.equals("detached") && Boolean.TRUE.equals(event.value());
      boolean published = mm != null && mm.mt.peekContains(v);
      if ((FIELDS.contains(field) && published && !Integer.valueOf(Vma6.RCU_HEAD).equals(event.value()))
          || detaching) {
        String reader = V6Locks.otherReader(ctx, t, v);
        if (reader != null) {
          ctx.report(this, t + " did " + event.describe() + " in " + MmLocks.function(ctx) + " while " + reader
              + " holds " + v.name() + " read-locked (vma_start_write must wait for readers and last until"
              + " mmap_write_unlock)");
        }
      }
      return;
    }
    if (object instanceof Mm6 mm && event.kind() == EventKind.WRITE && field.equals("pte") && mm.k.era.perVmaLocks()
        && V6Locks.holds(ctx.heldBy(t), mm.mmapLock, LockMode.WRITE)) {
      Vma6 v = mm.mt.peekAt(FieldProtection.index(event.object()));
      String reader = V6Locks.otherReader(ctx, t, v);
      if (reader != null) {
        ctx.report(this, t + " changed " + event.describe() + " in " + MmLocks.function(ctx) + " under "
            + mm.mmapLock.name() + "(w) while " + reader + " holds " + v.name()
            + " read-locked: the mmap writer did not vma_start_write it");
      }
    }
  }

  @Override
  public void objectFreed(ExecutionContext ctx, Event event, Tracked object) {
    if (object instanceof Vma6 v && v.typeStable()) {
      String reader = V6Locks.otherReader(ctx, event.thread(), v);
      if (reader != null) {
        ctx.report(this, event.thread() + " freed " + v.name() + " in " + MmLocks.function(ctx) + " while " + reader
            + " holds it read-locked");
      }
    }
  }
}
