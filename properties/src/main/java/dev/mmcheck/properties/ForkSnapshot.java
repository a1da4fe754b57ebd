package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.ghost.AddressSpaceView;
import dev.mmcheck.model.ghost.ForkWindow;
import dev.mmcheck.model.ghost.Mapping;
import dev.mmcheck.model.ghost.PageFrame;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code fork-snapshot}: the child of a {@code fork()} gets the parent's address space as it was
 * at one instant of the fork, and afterwards neither side sees the other's writes.
 *
 * <p><b>Abstract state.</b> For an mm seen through {@link AddressSpaceView}, the list over its
 * page addresses of: the {@link Mapping} covering the address (bounds, protection,
 * shared/private; not the VMA's identity) and the contents a user read there returns, or "-" if
 * nothing is mapped.
 *
 * <p><b>One instant.</b> The fork's window runs from the event that opens its
 * {@link ForkWindow} (the system call's entry) to the event that closes it (its return). The
 * candidate instants are the states after each event of the execution from the opening event to
 * the closing one, inclusive; since the parent's abstract state changes only at writes to cells
 * of objects its view {@link AddressSpaceView#covers covers}, they are the state at the opening
 * event and the state after each such write in the window. The property holds if the child's
 * abstract state at the closing event equals the parent's at one of those instants. A child
 * that has the effect of a later write of the parent's other thread but not of an earlier one
 * (in that thread's program order) matches no instant.
 *
 * <p><b>Isolation.</b> After the window closes, a write to a contents cell of a
 * {@link PageFrame} that both the parent and the child map at a private mapping is a violation:
 * one side's write becomes visible to the other. (Copy on write must have given the writer its
 * own copy first.)
 *
 * <p>Reads only through the view (peeks), so DPOR orders the checked events against every write
 * of what was read. Per-execution state is reset at each execution's start.
 */
public final class ForkSnapshot implements Property, ObjectListener, ExecutionListener {
  private final Map<ForkWindow, Set<List<String>>> open = new LinkedHashMap<>();
  private final List<ForkWindow> closed = new ArrayList<>();

  @Override
  public String name() {
    return "fork-snapshot";
  }

  @Override
  public String description() {
    return "a forked child's address space equals the parent's at one instant of the fork; afterwards COW keeps them apart";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    open.clear();
    closed.clear();
  }

  /** The abstract state of {@code mm} now (peeks only). */
  static List<String> state(AddressSpaceView mm) {
    List<String> out = new ArrayList<>(mm.pages());
    for (int a = 0; a < mm.pages(); a++) {
      Mapping m = mm.peekMapping(a);
      out.add(m == null ? "-" : m + "=" + mm.peekContents(a));
    }
    return out;
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (object instanceof ForkWindow w) {
      if (event.kind() == EventKind.ACCESS && !open.containsKey(w) && !closed.contains(w)) {
        Set<List<String>> states = new LinkedHashSet<>();
        states.add(state(w.parent()));
        open.put(w, states);
      }
      return;
    }
    if (event.kind() != EventKind.WRITE) {
      return;
    }
    for (Map.Entry<ForkWindow, Set<List<String>>> e : open.entrySet()) {
      if (e.getKey().parent().covers(object)) {
        e.getValue().add(state(e.getKey().parent()));
      }
    }
    if (object instanceof PageFrame p && p.isContents(event.object())) {
      checkIsolation(ctx, event, object);
    }
  }

  @Override
  public void objectFreed(ExecutionContext ctx, Event event, Tracked object) {
    if (!(object instanceof ForkWindow w) || !open.containsKey(w)) {
      return;
    }
    Set<List<String>> states = open.remove(w);
    closed.add(w);
    List<String> child = state(w.child());
    if (!states.contains(child)) {
      List<String> details = new ArrayList<>();
      details.add("child  " + w.child().name() + ": " + child);
      int i = 0;
      for (List<String> s : states) {
        details.add((i == 0 ? "parent at fork entry: " : "parent, instant " + i + ": ") + s);
        i++;
      }
      ctx.report(this, "not a snapshot: " + w.child().name() + " after fork() by " + event.thread().name()
          + " is " + child + ", which " + w.parent().name() + " never was during the fork (" + states.size()
          + " states)", details);
    }
  }

  private void checkIsolation(ExecutionContext ctx, Event event, Tracked page) {
    for (ForkWindow w : closed) {
      int inParent = privatelyMappedAt(w.parent(), page);
      int inChild = privatelyMappedAt(w.child(), page);
      if (inParent >= 0 && inChild >= 0) {
        ctx.report(this, "COW isolation broken: " + event.thread().name() + " wrote " + event.object() + " after fork(), but "
            + page.name() + " is mapped privately by both " + w.parent().name() + "@" + inParent + " and "
            + w.child().name() + "@" + inChild);
        return;
      }
    }
  }

  /** The first address at which {@code mm} maps {@code page} in a private mapping, or -1. */
  private static int privatelyMappedAt(AddressSpaceView mm, Tracked page) {
    for (int a = 0; a < mm.pages(); a++) {
      if (mm.peekPage(a) == page) {
        Mapping m = mm.peekMapping(a);
        if (m != null && !m.shared()) {
          return a;
        }
      }
    }
    return -1;
  }
}
