package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Page6;
import dev.mmcheck.model.v6.Pte6;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * v6-fork-snapshot (part 4's local version of issue 9's {@code fork-snapshot}): fork copies the
 * parent's memory as of one instant. The parent's user-visible memory at an instant is, for each
 * page address, the contents of the page its PTE maps (or "none"); let S be the set of those
 * states from the start of the copy (ghost {@link Mm6#ghostDup} set to 1 under the parent's mmap
 * write lock) to its end ({@code ghostDup} = 2), i.e. the initial state and the state after every write to a parent
 * PTE or to a page's contents in that interval. When {@code dup_mmap} ends, the child's memory
 * (same definition over its own PTEs) must be in S. Stores that land in a page after the copy
 * shared it are visible to both, so they do not break this; a parent that COW-breaks a page
 * already copied while later pages are still copied unchanged does.
 *
 * <p>Per-execution state (cleared at execution start): the forks in progress and their S.
 */
public final class ForkSnapshot6 implements Property, ObjectListener, ExecutionListener {
  private final Map<Mm6, Set<List<Integer>>> forks = new IdentityHashMap<>();

  @Override
  public String name() {
    return "v6-fork-snapshot";
  }

  @Override
  public String description() {
    return "the child of fork sees the parent's memory as of one instant during dup_mmap (part 4's fork-snapshot)";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    forks.clear();
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    forks.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (event.kind() != EventKind.WRITE) {
      return;
    }
    if (object instanceof Mm6 child && child.forkedFrom != null && event.object().endsWith(".ghost_dup")) {
      if (Integer.valueOf(1).equals(event.value())) {
        Set<List<Integer>> s = new HashSet<>();
        s.add(state(child.forkedFrom));
        forks.put(child, s);
        return;
      }
      Set<List<Integer>> seen = forks.remove(child);
      List<Integer> c = state(child);
      if (seen != null && !seen.contains(c)) {
        ctx.report(this, "fork snapshot: " + child.name() + " got " + c + " from " + child.forkedFrom.name()
            + ", which never had it during dup_mmap (its states: " + seen + ")");
      }
      return;
    }
    if (!forks.isEmpty()
        && (object instanceof Page6 || (object instanceof Mm6 && FieldProtection.field(event.object()).equals("pte")))) {
      for (Map.Entry<Mm6, Set<List<Integer>>> f : forks.entrySet()) {
        f.getValue().add(state(f.getKey().forkedFrom));
      }
    }
  }

  /** Page contents per address (null: no PTE). */
  private static List<Integer> state(Mm6 mm) {
    List<Integer> out = new ArrayList<>();
    for (int a = 0; a < mm.pages(); a++) {
      Pte6 p = mm.pte(a).peek();
      out.add(p == null ? null : p.page().data.peek());
    }
    return out;
  }
}
