package com.example;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Property;

/** Test property from a user catalog: fires when a thread holds two locks. */
public final class SecondLock implements Property, EventListener {
  @Override
  public String name() {
    return "second-lock";
  }

  @Override
  public String description() {
    return "user: fires when a thread holds two locks";
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event e) {
    if (ctx.heldBy(e.thread()).size() >= 2) {
      ctx.report(this, e.thread() + " holds " + ctx.heldBy(e.thread()));
    }
  }
}
