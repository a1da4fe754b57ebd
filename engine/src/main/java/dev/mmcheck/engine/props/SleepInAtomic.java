package dev.mmcheck.engine.props;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.ThreadListener;
import dev.mmcheck.engine.ThreadRef;
import java.util.List;

/**
 * "BUG: sleeping function called from invalid context": an operation that may sleep (a
 * sleeping lock, {@code wait_for_completion}, {@code synchronize_rcu},
 * {@code Sched.mightSleep}) by a thread holding a spinlock or inside an RCU read section.
 * Like the kernel's {@code might_sleep()}, it fires before the operation, whether or not it
 * would actually block.
 */
public final class SleepInAtomic implements Property, ThreadListener {
  @Override
  public String name() {
    return "sleep-in-atomic";
  }

  @Override
  public String description() {
    return "no sleeping operation while holding a spinlock or in an RCU read section";
  }

  @Override
  public void aboutToSleep(ExecutionContext ctx, ThreadRef thread, String op, String object, List<Held> held) {
    for (Held h : held) {
      if (h.lock().atomicContext() || (h.lock() instanceof Rcu && h.mode() == LockMode.SHARED)) {
        ctx.report(this, "sleeping while atomic: " + thread + " calls " + op + "(" + object + ") while holding "
            + h, List.of("held: " + held));
        return;
      }
    }
  }
}
