package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Property;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Page;
import dev.mmcheck.model.v26.Pte26;

/**
 * Every PTE a 2.6 path installs maps what the VMA covering that address maps now: a VMA exists
 * there, and the page is the page of the VMA's file at {@code (addr - vm_start) + vm_pgoff} (or
 * an anonymous page for an anonymous VMA). Checked when the PTE is written, against the VMA list
 * as it is then (ghost peeks). This is what goes wrong in Hugh Dickins' worst case (seed 001):
 * a fault that did not notice its VMA being replaced installs the old file's page in the new
 * mapping.
 */
public final class PteVmaConsistency implements Property, EventListener {
  @Override
  public String name() {
    return "pte-vma-consistency";
  }

  @Override
  public String description() {
    return "an installed PTE maps the page of the VMA that covers the address at that moment";
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event event) {
    if (event.kind() != EventKind.WRITE || !(event.value() instanceof Pte26 pte)) {
      return;
    }
    int addr = pte.addr();
    Vma cover = null;
    for (Vma v : pte.mm().mm.listNow()) {
      if (v.vmStart.peek() <= addr && addr < v.vmEnd.peek()) {
        cover = v;
      }
    }
    Page page = pte.page();
    String problem = null;
    if (cover == null) {
      problem = "no VMA maps address " + addr;
    } else {
      Inode26 file = Inode26.of(cover.vmFile.peek());
      if (file == null && page.mapping != null) {
        problem = cover.name() + " is anonymous";
      } else if (file != null && (page.mapping != file.mapping
          || page.index != addr - cover.vmStart.peek() + cover.vmOffset.peek())) {
        problem = cover.describeNow() + " maps " + file.name() + " page "
            + (addr - cover.vmStart.peek() + cover.vmOffset.peek());
      }
    }
    if (problem != null) {
      ctx.report(this, "wrong PTE: " + event.thread().name() + " installed " + page.name() + " at address " + addr
          + " in " + MmLocks.function(ctx) + ", but " + problem);
    }
  }
}
