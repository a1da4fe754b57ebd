package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.MapleNode;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Pte6;
import dev.mmcheck.model.v6.Slot;
import dev.mmcheck.model.v6.Vma6;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * vma-identity: a fault that installs a PTE in mm M at address a while it holds a VMA read lock
 * does so through the VMA it looked up: that VMA belongs to M ({@code vm_mm}), covers a, and has
 * the generation it had when the thread's last maple-tree walk returned it (a VMA of the 6.15
 * type-stable cache that was freed and recycled, even at the same addresses or by another mm,
 * has a higher {@link Tracked#generation()}). The use-after-free property cannot see this
 * (recycled memory is valid); this is the identity check {@code lock_vma_under_rcu} must do after
 * locking. In eras without recycling the generation check is trivially true and the
 * {@code vm_mm} / range checks remain.
 *
 * <p>Per-execution state (cleared when an execution starts): for each thread, the VMAs its
 * walks returned and their generations at that moment.
 */
public final class VmaIdentity implements Property, ObjectListener, ExecutionListener {
  private final Map<Integer, Map<Vma6, Integer>> lookedUp = new HashMap<>();

  @Override
  public String name() {
    return "vma-identity";
  }

  @Override
  public String description() {
    return "a VMA-locked fault works on the VMA it looked up (same mm, range and generation), not a recycled one";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    lookedUp.clear();
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    lookedUp.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (object instanceof MapleNode && event.kind() == EventKind.READ && event.value() instanceof List<?> slots) {
      Map<Vma6, Integer> m = lookedUp.computeIfAbsent(event.thread().id(), k -> new IdentityHashMap<>());
      for (Object o : slots) {
        if (o instanceof Slot s && s.vma() != null) {
          m.put(s.vma(), s.vma().generation());
        }
      }
      return;
    }
    if (!(object instanceof Mm6 mm) || event.kind() != EventKind.WRITE || !(event.value() instanceof Pte6)
        || !FieldProtection.field(event.object()).equals("pte")) {
      return;
    }
    int addr = FieldProtection.index(event.object());
    Map<Vma6, Integer> mine = lookedUp.getOrDefault(event.thread().id(), Map.of());
    for (Map.Entry<Vma6, Integer> e : mine.entrySet()) {
      Vma6 v = e.getKey();
      if (!V6Locks.vmaReadLocked(ctx, event.thread(), v)) {
        continue;
      }
      Mm6 owner = v.vmMm.peek();
      int gen = v.generation();
      int start = v.vmStart.peek();
      int end = v.vmEnd.peek();
      if (owner != mm || gen != e.getValue() || addr < start || addr >= end) {
        ctx.report(this, event.thread() + " installed " + event.describe() + " in " + mm.name() + " through "
            + v.name() + " (generation " + gen + ", looked up as generation " + e.getValue() + ", now ["
            + start + "," + end + ") of " + (owner == null ? "no mm" : owner.name())
            + "): the VMA was recycled after the lookup and not re-validated");
        return;
      }
    }
  }
}
