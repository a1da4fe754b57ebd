package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.AccessWindow;
import dev.mmcheck.model.ghost.AddressSpaceView;
import dev.mmcheck.model.ghost.LayoutOp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code no-spurious-sigsegv}: a user access fails with {@code SEGV_MAPERR} only if its address
 * could have been unmapped at some instant of the access, given that every layout system call
 * ({@link LayoutOp}) takes effect atomically somewhere between its entry and its return.
 *
 * <p>At an instant (the state after an event), page {@code addr} of an mm "may be unmapped" if:
 * some layout call in flight on that mm covers {@code addr} and is an {@code munmap}
 * ({@link LayoutOp.Kind#UNMAP}) or maps into a range that was unmapped at its entry
 * ({@code MAP}, or {@code REPLACE} over a hole); or no such call (other than {@code mprotect})
 * covers it and no VMA covers it now. A {@code mmap(MAP_FIXED)} over a mapped address
 * ({@code REPLACE}) never makes it "may be unmapped": the old mapping is replaced atomically by
 * the new one (seed 004, Wilcox: MAP_FIXED must unmap "conflicts atomically"). The property
 * evaluates this at the access's {@link AccessWindow} opening, at every opening and closing of
 * a layout call on the same mm while the access is open (the only events at which the answer
 * can change), and at the access's closing; if it was never true and the access ended with
 * {@code SEGV_MAPERR}, the signal is spurious.
 *
 * <p>{@code SEGV_ACCERR} (a permission fault) is not judged. Reads only through the views
 * (peeks). Per-execution state is reset at each execution's start.
 */
public final class NoSpuriousSigsegv implements Property, ObjectListener, ExecutionListener {
  /** Open layout calls, with which of their pages were mapped at their entry. */
  private final Map<LayoutOp, boolean[]> ops = new LinkedHashMap<>();
  /** Open accesses, and whether their address may have been unmapped at some instant so far. */
  private final Map<AccessWindow, Boolean> accesses = new LinkedHashMap<>();

  @Override
  public String name() {
    return "no-spurious-sigsegv";
  }

  @Override
  public String description() {
    return "a fault fails with SEGV_MAPERR only if its address could have been unmapped at some instant of the access";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    ops.clear();
    accesses.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (event.kind() != EventKind.ACCESS) {
      return;
    }
    if (object instanceof AccessWindow w && !accesses.containsKey(w)) {
      accesses.put(w, mayBeUnmapped(w.mm(), w.addr()));
    } else if (object instanceof LayoutOp op && !ops.containsKey(op)) {
      boolean[] mapped = new boolean[op.mm().pages()];
      for (int a = Math.max(0, op.start()); a < Math.min(op.end(), mapped.length); a++) {
        mapped[a] = op.mm().peekMapping(a) != null;
      }
      ops.put(op, mapped);
      reevaluate(op.mm());
    }
  }

  @Override
  public void objectFreed(ExecutionContext ctx, Event event, Tracked object) {
    if (object instanceof LayoutOp op && ops.remove(op) != null) {
      reevaluate(op.mm());
    } else if (object instanceof AccessWindow w && accesses.containsKey(w)) {
      boolean may = accesses.remove(w) || mayBeUnmapped(w.mm(), w.addr());
      if (w.outcome() == AccessWindow.Outcome.SEGV_MAPERR && !may) {
        List<String> inFlight = new ArrayList<>();
        for (LayoutOp op : ops.keySet()) {
          inFlight.add(op.name());
        }
        ctx.report(this, "spurious SIGSEGV: " + event.thread().name() + "'s " + (w.write() ? "write" : "read") + " of "
            + w.mm().name() + " page " + w.addr() + " failed with SEGV_MAPERR, but the page was mapped at every instant"
            + " of the access", List.of("mapping now: " + w.mm().peekMapping(w.addr()),
                "layout calls still in flight: " + inFlight));
      }
    }
  }

  private void reevaluate(AddressSpaceView mm) {
    for (Map.Entry<AccessWindow, Boolean> e : accesses.entrySet()) {
      if (!e.getValue() && e.getKey().mm() == mm) {
        e.setValue(mayBeUnmapped(mm, e.getKey().addr()));
      }
    }
  }

  /** See the class comment. */
  private boolean mayBeUnmapped(AddressSpaceView mm, int addr) {
    boolean covered = false;
    for (Map.Entry<LayoutOp, boolean[]> e : ops.entrySet()) {
      LayoutOp op = e.getKey();
      if (op.mm() != mm || !op.covers(addr) || op.kind() == LayoutOp.Kind.PROTECT) {
        continue;
      }
      covered = true;
      boolean wasMapped = addr < e.getValue().length && e.getValue()[addr];
      if (op.kind() == LayoutOp.Kind.UNMAP || !wasMapped) {
        return true;
      }
    }
    return !covered && mm.peekMapping(addr) == null;
  }
}
