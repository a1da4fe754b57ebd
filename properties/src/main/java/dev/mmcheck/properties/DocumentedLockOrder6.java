package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockCycle;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Witness;
import java.util.List;
import java.util.function.Supplier;

/**
 * documented-lock-order-6: {@link DocumentedLockOrder} over the 6.x order of the mm/rmap.c header
 * comment (read in Documentation/mm/process_addrs.rst, "Lock ordering"), reported under its own
 * name so that the 2.6 property stays as it is:
 *
 * <pre>
 *   i_rwsem -> mmap_lock -> invalidate_lock -> folio lock -> vma_start_write (vm_lock) ->
 *   i_mmap_rwsem -> anon_vma -> page_table_lock / ptl
 * </pre>
 *
 * ({@code hugetlbfs_i_mmap_rwsem_key} between the folio lock and the VMA write lock is not in
 * the model.) The VMA write lock is checked where it is an engine lock: 6.4's {@code vm_lock}
 * rwsem, taken for write by {@code vma_start_write}; the 6.15 refcount lock is not a lock the
 * engine sees, so 6.15 orders are left to the deadlock property. {@link #ORDER_6} is the data
 * table: {@code new DocumentedLockOrder(DocumentedLockOrder6.ORDER_6)} checks the same order
 * under the name {@code documented-lock-order}.
 */
public final class DocumentedLockOrder6 implements Property, LockListener, ExecutionListener {
  /** The 6.x order, outermost first; {@code a/b} share a rank. */
  public static final List<String> ORDER_6 = List.of("i_rwsem", "mmap_lock", "invalidate_lock",
      "PG_locked/folio_lock", "vm_lock", "i_mmap_rwsem", "anon_vma", "page_table_lock/ptl");

  private final DocumentedLockOrder inner = new DocumentedLockOrder(ORDER_6);

  @Override
  public String name() {
    return "documented-lock-order-6";
  }

  @Override
  public String description() {
    return "nested acquisitions follow the 6.x order i_rwsem -> mmap_lock -> invalidate_lock -> folio ->"
        + " vm_lock -> i_mmap_rwsem -> anon_vma -> ptl";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    inner.executionStarted(ctx);
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    inner.executionFinished(ctx, end);
  }

  @Override
  public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
    inner.lockAcquired(new As(ctx), event, lock, mode, trylock);
  }

  @Override
  public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    inner.lockReleased(new As(ctx), event, lock, mode);
  }

  /** The execution context, with reports made by the inner property made in this one's name. */
  private final class As implements ExecutionContext {
    private final ExecutionContext ctx;

    As(ExecutionContext ctx) {
      this.ctx = ctx;
    }

    public int executionNumber() {
      return ctx.executionNumber();
    }

    public ThreadRef currentThread() {
      return ctx.currentThread();
    }

    public List<ThreadRef> threads() {
      return ctx.threads();
    }

    public List<Held> heldBy(ThreadRef thread) {
      return ctx.heldBy(thread);
    }

    public int eventCount() {
      return ctx.eventCount();
    }

    public void report(Property property, String message, List<String> details) {
      ctx.report(DocumentedLockOrder6.this, message, details);
    }

    @Override
    public void report(Property property, String message, List<String> details, LockCycle cycle) {
      ctx.report(DocumentedLockOrder6.this, message, details, cycle);
    }

    @Override
    public <T> T searchShared(String key, Supplier<T> make) {
      return ctx.searchShared(key, make);
    }

    public List<StackTraceElement> modelStack(int max) {
      return ctx.modelStack(max);
    }

    @Override
    public List<StackTraceElement> stackAt(int eventIndex) {
      return ctx.stackAt(eventIndex);
    }

    @Override
    public Witness witness(int eventIndex) {
      return ctx.witness(eventIndex);
    }
  }
}
