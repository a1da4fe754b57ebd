package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.props.HeldLocks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The documented lock order of mm/rmap.c and mm/filemap.c (2.6 and 3.x header comments;
 * LOCKING-HISTORY section 2), checked on every blocking acquisition: a thread that holds a lock
 * of class A and acquires one of class B ranked before A violates it, whether or not any
 * execution deadlocks. The report names both classes and both acquisition sites. Unlike
 * {@code lock-order} (lockdep: cycles in what was observed) this compares against the
 * documentation, so one execution of one path suffices.
 *
 * <pre>
 *   0 i_mutex  1 mmap_sem  2 PG_locked  3 i_mmap_lock / i_mmap_mutex  4 anon_vma  5 page_table_lock
 * </pre>
 *
 * Classes not in the table, two locks of the same class (that is the deadlock and
 * {@code lock-order} properties' business), and successful trylocks (they cannot block: reclaim's
 * {@code TestSetPageLocked}) are not checked. The same order holds in every part-2 era; a
 * different order can be given to {@link #DocumentedLockOrder(List)}.
 */
public final class DocumentedLockOrder implements Property, LockListener, ExecutionListener {
  /** The order of the 2.6 / 3.x eras, outermost first; entries with {@code /} share a rank. */
  public static final List<String> ORDER_2_6 = List.of("i_mutex", "mmap_sem", "PG_locked",
      "i_mmap_lock/i_mmap_mutex", "anon_vma", "page_table_lock");

  private final Map<String, Integer> rank = new LinkedHashMap<>();
  private final HeldLocks held = new HeldLocks();

  public DocumentedLockOrder() {
    this(ORDER_2_6);
  }

  /** {@code order}: lock classes, outermost first; {@code "a/b"} gives a and b the same rank. */
  public DocumentedLockOrder(List<String> order) {
    for (int i = 0; i < order.size(); i++) {
      for (String c : order.get(i).split("/")) {
        rank.put(c, i);
      }
    }
  }

  @Override
  public String name() {
    return "documented-lock-order";
  }

  @Override
  public String description() {
    return "every nested acquisition follows i_mutex -> mmap_sem -> PG_locked -> i_mmap -> anon_vma -> page_table_lock";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    held.clear();
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    held.clear();
  }

  @Override
  public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
    Integer rb = rank.get(lock.lockClass());
    if (!trylock && rb != null) {
      for (HeldLocks.Acquisition h : held.of(event.thread())) {
        Integer ra = rank.get(h.lock().lockClass());
        if (ra != null && ra > rb) {
          ctx.report(this, "lock order violated: " + event.thread() + " acquires " + lock.name() + mode.tag()
              + " (" + lock.lockClass() + ") while holding " + h.lock().name() + h.mode().tag() + " ("
              + h.lock().lockClass() + "); documented: " + String.join(" -> ", order()),
              List.of(h.lock().name() + h.mode().tag() + " acquired at " + HeldLocks.format(ctx.stackAt(h.event()), 4),
                  lock.name() + mode.tag() + " acquired at " + HeldLocks.format(ctx.stackAt(event.index()), 4)));
          break;
        }
      }
    }
    held.acquired(event.thread(), lock, mode, event.index());
  }

  @Override
  public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    held.released(event.thread(), lock);
  }

  private List<String> order() {
    Map<Integer, String> byRank = new java.util.TreeMap<>();
    rank.forEach((c, r) -> byRank.merge(r, c, (a, b) -> a + "/" + b));
    return List.copyOf(byRank.values());
  }
}
