package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.AnonVma6;
import dev.mmcheck.model.v6.Mm6;
import dev.mmcheck.model.v6.Pte6;
import dev.mmcheck.model.v6.Vma6;

/**
 * anon-rmap: every anonymous page a PTE maps can be found from that page by the reverse map
 * ({@code folio->mapping} -> anon_vma -> the VMAs chained to it): when a PTE of mm M at address a
 * is set to a page whose anon_vma is {@code av}, the VMA the tree maps at a has {@code av} in its
 * {@code anon_vma_chain}. A page mapped where its anon_vma does not reach is invisible to
 * reclaim, migration and {@code try_to_unmap}: its mapping survives the page's free (the UAF of
 * d8ab9f7b644a). Stateless.
 */
public final class AnonRmap implements Property, ObjectListener {
  @Override
  public String name() {
    return "anon-rmap";
  }

  @Override
  public String description() {
    return "an anonymous page is mapped only where its anon_vma's chain reaches (rmap can find every mapping)";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof Mm6 mm) || event.kind() != EventKind.WRITE || !(event.value() instanceof Pte6 pte)) {
      return;
    }
    AnonVma6 av = pte.page().anonVma.peek();
    Vma6 v = mm.mt.peekAt(FieldProtection.index(event.object()));
    if (av == null || v == null) {
      return;
    }
    if (!v.anonVmaChain.peek().contains(av)) {
      ctx.report(this, event.thread() + " mapped " + pte.page().name() + " (anon_vma " + av.name() + ") at "
          + event.object() + " in " + MmLocks.function(ctx) + ", but " + v.name() + "'s anon_vma_chain "
          + v.anonVmaChain.peek() + " does not link " + av.name() + ": rmap cannot find this mapping");
    }
  }
}
