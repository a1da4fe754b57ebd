package dev.mmcheck.engine.props;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadListener;
import dev.mmcheck.engine.ThreadRef;
import java.util.List;

/**
 * A path must release what it took: a thread whose body returns while holding a lock is a
 * violation (the kernel's "lock held when returning to user space").
 */
public final class LockHeldAtExit implements Property, ThreadListener {
  @Override
  public String name() {
    return "lock-held-at-exit";
  }

  @Override
  public String description() {
    return "no lock still held when a thread's path returns";
  }

  @Override
  public void threadFinished(ExecutionContext ctx, ThreadRef thread, List<Held> held) {
    if (!held.isEmpty()) {
      ctx.report(this, thread + " returned while holding " + held);
    }
  }
}
