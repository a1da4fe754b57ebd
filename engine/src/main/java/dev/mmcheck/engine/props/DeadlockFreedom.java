package dev.mmcheck.engine.props;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.WaitFor;
import java.util.ArrayList;
import java.util.List;

/**
 * No execution may reach a state where no thread is enabled while some thread has not
 * finished. The runtime decides deadlock (in one place); this property turns it into a
 * violation whose details list the wait-for cycle.
 */
public final class DeadlockFreedom implements Property, ExecutionListener {
  @Override
  public String name() {
    return "deadlock";
  }

  @Override
  public String description() {
    return "no state where every unfinished thread is blocked (on a lock, a completion or an awaited value)";
  }

  @Override
  public void deadlock(ExecutionContext ctx, WaitFor waitFor) {
    List<String> details = new ArrayList<>();
    for (WaitFor.Edge e : waitFor.edges()) {
      details.add(e.toString());
    }
    String what = waitFor.livelock() ? "livelock: " + waitFor.summary()
        : waitFor.cycle().isEmpty() ? "deadlock: all unfinished threads are blocked"
        : "deadlock: wait-for cycle " + cycle(waitFor.cycle());
    ctx.report(this, what, details);
  }

  private static String cycle(List<WaitFor.Edge> cycle) {
    StringBuilder sb = new StringBuilder();
    for (WaitFor.Edge e : cycle) {
      sb.append(e.waiter()).append(" -[").append(e.on().name()).append("]-> ");
    }
    return sb.append(cycle.get(0).waiter()).toString();
  }
}
