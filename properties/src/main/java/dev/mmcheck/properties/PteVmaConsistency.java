package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Property;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Page;
import dev.mmcheck.model.v26.Pte26;
import dev.mmcheck.model.v26.Vma26;

/**
 * Every PTE a 2.6 path installs maps what the VMA covering that address maps now: a VMA exists
 * there, and the page is the page of the VMA's file at {@code (addr - vm_start) + vm_pgoff} (or
 * an anonymous page for an anonymous VMA), and a writable PTE only where that VMA has
 * {@code VM_WRITE}. Checked when the PTE is written, against the VMA list as it is then (ghost
 * peeks of cells). This is what goes wrong in Hugh Dickins' worst case (seed 001): a fault that
 * did not notice its VMA being replaced installs the old file's page in the new mapping; and
 * when a fault that validates only a detach misses an in-place mprotect, it installs a writable
 * PTE in a read-only VMA.
 */
public final class PteVmaConsistency implements Property, EventListener {
  @Override
  public String name() {
    return "pte-vma-consistency";
  }

  @Override
  public String description() {
    return "an installed PTE maps the page of the VMA that covers the address at that moment, writable only if VM_WRITE";
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event event) {
    if (event.kind() != EventKind.WRITE || !(event.value() instanceof Pte26 pte)) {
      return;
    }
    int addr = pte.addr();
    Vma26 cover = null;
    for (Vma26 v : pte.mm().listNow()) {
      if (v.vmStart.peek() <= addr && addr < v.vmEnd.peek()) {
        cover = v;
      }
    }
    Page page = pte.page();
    String problem = null;
    if (cover == null) {
      problem = "no VMA maps address " + addr;
    } else {
      Inode26 file = cover.vmFile.peek();
      if (file == null && page.mapping != null) {
        problem = cover.name() + " is anonymous";
      } else if (file != null && (page.mapping != file.mapping
          || page.index != addr - cover.vmStart.peek() + cover.vmPgoff.peek())) {
        problem = cover.describeNow() + " maps " + file.name() + " page "
            + (addr - cover.vmStart.peek() + cover.vmPgoff.peek());
      } else if (pte.writable() && (cover.vmFlags.peek() & Vma26.VM_WRITE) == 0) {
        problem = cover.name() + " is not writable (no VM_WRITE) but the PTE is";
      }
    }
    if (problem != null) {
      ctx.report(this, "wrong PTE: " + event.thread().name() + " installed " + page.name() + " at address " + addr
          + " in " + MmLocks.function(ctx) + ", but " + problem);
    }
  }
}
