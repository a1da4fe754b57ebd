package dev.mmcheck.engine.props;

import dev.mmcheck.engine.Catalog;
import java.util.List;

/** The engine's built-in properties, by short name. */
public final class BuiltinCatalog implements Catalog {
  @Override
  public List<Entry> properties() {
    return List.of(
        new Entry("deadlock", DeadlockFreedom.class, new DeadlockFreedom().description()),
        new Entry("uncaught-exception", NoUncaughtException.class, new NoUncaughtException().description()),
        new Entry("use-after-free", UseAfterFree.class, new UseAfterFree().description()),
        new Entry("sleep-in-atomic", SleepInAtomic.class, new SleepInAtomic().description()),
        new Entry("lock-held-at-exit", LockHeldAtExit.class, new LockHeldAtExit().description()),
        new Entry("lock-order", LockOrder.class, new LockOrder().description()));
  }
}
