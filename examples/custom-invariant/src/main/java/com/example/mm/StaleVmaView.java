package com.example.mm;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Param;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A thread changes a page table entry only with a consistent view of the VMA it looked up: no
 * VMA field it read ({@code vm_start}, {@code vm_end}, {@code vm_offset}, {@code vm_flags} by
 * default) may have been written by another thread between that read and its PTE write. A page
 * fault between {@code find_vma()} and {@code set_pte()}, or kswapd between reading the VMA and
 * unmapping the page, must not see the VMA change under it: that is what {@code mmap_sem} (and
 * in 1999 the vmlist lock) is for. A re-read after the change (a re-validation) makes the view
 * fresh again.
 *
 * <p>Fires on the 1998 fault-vs-mprotect races (mprotect took no {@code mmap_sem}) and on
 * kswapd vs mprotect in 2.3.21 (kswapd held only the BKL); quiet where the fixes hold. Unlike
 * {@code vma-list-invariants} it does not need the stale view to produce a wrong page: acting on
 * a torn view is the bug.
 *
 * <p>Named by its short name through {@link ExampleCatalog}, or by class name; either way its
 * parameters are config keys {@code stale-vma-view.fields} and {@code stale-vma-view.installsOnly}
 * (from the {@link Param} constructor). State is per execution (cleared when one starts).
 */
public final class StaleVmaView implements Property, ObjectListener, ExecutionListener {
  private final Set<String> fields;
  private final boolean installsOnly;
  /** Per thread: VMA -> field -> index of the thread's last read of it. */
  private final Map<ThreadRef, Map<Vma, Map<String, Integer>>> views = new HashMap<>();
  /** VMA -> field -> thread -> index of that thread's last write of it. */
  private final Map<Vma, Map<String, Map<ThreadRef, Integer>>> writes = new IdentityHashMap<>();

  /**
   * @param fields the VMA fields that must not change under a PTE write, comma separated
   * @param installsOnly check only writes that install a present page (faults), not unmaps
   */
  public StaleVmaView(
      @Param(value = "fields", description = "VMA fields a PTE write must see unchanged, comma separated",
          defaultValue = "vm_start,vm_end,vm_offset,vm_flags") String fields,
      @Param(value = "installsOnly", description = "check only PTE writes that install a present page",
          defaultValue = "false") boolean installsOnly) {
    this.fields = Arrays.stream(fields.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toUnmodifiableSet());
    this.installsOnly = installsOnly;
  }

  /** The defaults: all four fields, every PTE write. */
  public StaleVmaView() {
    this("vm_start,vm_end,vm_offset,vm_flags", false);
  }

  @Override
  public String name() {
    return "stale-vma-view";
  }

  @Override
  public String description() {
    return "example: a PTE is written only with an unchanged view of the VMA fields read before it";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    views.clear();
    writes.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event e, Tracked object) {
    if (object instanceof Vma vma) {
      String field = e.field().orElse("");
      if (!fields.contains(field)) {
        return;
      }
      if (e.kind() == EventKind.READ) {
        views.computeIfAbsent(e.thread(), t -> new IdentityHashMap<>())
            .computeIfAbsent(vma, v -> new HashMap<>()).put(field, e.index());
      } else if (e.kind() == EventKind.WRITE) {
        writes.computeIfAbsent(vma, v -> new HashMap<>()).computeIfAbsent(field, f -> new HashMap<>())
            .put(e.thread(), e.index());
      }
    } else if (object instanceof MmStruct && e.kind() == EventKind.WRITE && e.field().orElse("").startsWith("pte[")
        && (!installsOnly || (e.value() instanceof Pte p && p.present()))) {
      check(ctx, e);
    }
  }

  private void check(ExecutionContext ctx, Event pteWrite) {
    Map<Vma, Map<String, Integer>> view = views.getOrDefault(pteWrite.thread(), Map.of());
    for (Map.Entry<Vma, Map<String, Integer>> v : view.entrySet()) {
      for (Map.Entry<String, Integer> read : v.getValue().entrySet()) {
        Map<ThreadRef, Integer> by = writes.getOrDefault(v.getKey(), Map.of()).getOrDefault(read.getKey(), Map.of());
        for (Map.Entry<ThreadRef, Integer> w : by.entrySet()) {
          if (!w.getKey().equals(pteWrite.thread()) && w.getValue() > read.getValue()) {
            ctx.report(this, pteWrite.thread() + " wrote " + pteWrite.object() + " with a stale view of "
                + v.getKey().name() + "." + read.getKey() + ": read at event " + read.getValue() + ", then "
                + w.getKey() + " wrote it at event " + w.getValue(), List.of(
                    "the VMA now: " + v.getKey().describeNow()));
            return;
          }
        }
      }
    }
  }
}
