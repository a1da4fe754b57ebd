package dev.mmcheck.engine.props;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Tracked;
import java.util.List;

/**
 * No use of a freed {@link Tracked} object (a read or write of one of its cells, or an
 * explicit access), and no double free. The message names who freed it (thread and event)
 * and who used it; the trace shows both places.
 */
public final class UseAfterFree implements Property, ObjectListener {
  @Override
  public String name() {
    return "use-after-free";
  }

  @Override
  public String description() {
    return "no access to a freed tracked object (type-stable ones excepted), no double free";
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    if (object.isFreed() && !object.typeStable()) {
      ctx.report(this, "use after free: " + event.thread() + " did " + event.op() + "(" + event.object() + ") on "
          + object.name() + ", freed by " + object.freedBy() + " at event " + object.freedAtEvent(),
          List.of("freed at event #" + object.freedAtEvent() + " by " + object.freedBy(),
              "used  at event #" + event.index() + " by " + event.thread()));
    }
  }

  @Override
  public void objectFreed(ExecutionContext ctx, Event event, Tracked object) {
    if (Boolean.FALSE.equals(event.value()) || object.freedAtEvent() != event.index()) {
      ctx.report(this, "double free of " + object.name() + " by " + event.thread() + ", first freed by "
          + object.freedBy() + " at event " + object.freedAtEvent());
    }
  }
}
