package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.MmStruct;
import java.util.HashMap;
import java.util.Map;

/**
 * No PTE is overwritten on the strength of a stale read: when a thread writes a PTE it has read
 * before, no other thread may have written that PTE since the writer's last read. This is what
 * the re-checks in 2.2 {@code swap_in()} ({@code if (pte_val(*page_table) != entry)}) and
 * {@code do_wp_page()} guard against after sleeping, and what seed 000 claims mmap_sem makes
 * impossible between faulting threads. A thread that re-reads (re-checks) the PTE is fine.
 */
public final class PteLostUpdate implements Property, ObjectListener, ExecutionListener {
  private record Write(String thread, int index) {}

  private final Map<String, Integer> lastRead = new HashMap<>();
  private final Map<String, Write> lastWrite = new HashMap<>();

  @Override
  public String name() {
    return "pte-lost-update";
  }

  @Override
  public String description() {
    return "no PTE overwritten after another thread changed it since the writer last read it";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    lastRead.clear();
    lastWrite.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof MmStruct) || !MmLocks.field(event.object()).startsWith("pte[")) {
      return;
    }
    String t = event.thread().name();
    String key = t + "|" + event.object();
    if (event.kind() == EventKind.READ) {
      lastRead.put(key, event.index());
      return;
    }
    Integer r = lastRead.get(key);
    Write w = lastWrite.get(event.object());
    if (r != null && w != null && !w.thread().equals(t) && w.index() > r) {
      ctx.report(this, "lost update: " + t + " set " + event.object() + " = " + event.value() + " in "
          + MmLocks.function(ctx) + " on the strength of its read at event " + r + ", but " + w.thread()
          + " changed it at event " + w.index());
    }
    lastWrite.put(event.object(), new Write(t, event.index()));
  }
}
