package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.v6.FaultRecord;
import dev.mmcheck.model.v6.Mm6;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * v6-no-spurious-sigsegv (part 4's local version of issue 9's {@code no-spurious-sigsegv}): a
 * fault may end in SIGSEGV only if its address was unmapped at some instant while it ran, in the
 * logical address space: the state that each mmap / munmap presents as one atomic step (the
 * ghost {@link Mm6#ghostMapped}, changed by the syscalls at their linearisation point; a
 * MAP_FIXED mmap over a mapping never unmaps it). A fault starts at the write of its
 * {@link FaultRecord#addr} and ends at the write of {@link FaultRecord#result}. The kernel's
 * intermediate states (a tree with a hole during a MAP_FIXED replacement) do not count: that hole
 * "should never logically exist" (Liam Howlett, 2024).
 *
 * <p>Per-execution state (cleared at execution start): the faults in progress and whether each
 * has seen its address unmapped.
 */
public final class NoSpuriousSigsegv6 implements Property, ObjectListener, ExecutionListener {
  private final Map<FaultRecord, Boolean> justified = new IdentityHashMap<>();

  @Override
  public String name() {
    return "v6-no-spurious-sigsegv";
  }

  @Override
  public String description() {
    return "a fault SIGSEGVs only if its address was unmapped at some instant while it ran (part 4's"
        + " no-spurious-sigsegv)";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    justified.clear();
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    justified.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (event.kind() != EventKind.WRITE) {
      return;
    }
    if (object instanceof FaultRecord f) {
      if (event.object().endsWith(".addr")) {
        int a = (Integer) event.value();
        justified.put(f, a < 0 || a >= f.mm.pages() || !f.mm.ghostMapped.get(a).peek());
      } else if ("SIGSEGV".equals(event.value()) && !justified.getOrDefault(f, true)) {
        ctx.report(this, event.thread() + " got SIGSEGV at " + f.addr.peek() + " in " + MmLocks.function(ctx)
            + " although " + f.mm.name() + " mapped it throughout the fault (a transient state was exposed)");
      }
      return;
    }
    if (object instanceof Mm6 mm && Boolean.FALSE.equals(event.value()) && event.object().contains(".ghost_mapped[")) {
      int a = FieldProtection.index(event.object());
      justified.replaceAll((f, j) -> j || (f.mm == mm && f.addr.peek() == a));
    }
  }
}
