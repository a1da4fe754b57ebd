package com.example;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Param;
import dev.mmcheck.engine.Property;

/** Test property, named by class: fires when {@code op(object)} has run {@code times} times in one execution. */
public final class OpWatch implements Property, EventListener, ExecutionListener {
  public enum Who { ANY, T1, T2 }

  private final String op;
  private final String object;
  private final int times;
  private final Who who;
  private int seen;

  public OpWatch(@Param(value = "op", description = "operation to watch, e.g. mutex_lock") String op,
      @Param(value = "object", description = "object it acts on", defaultValue = "B") String object,
      @Param(value = "times", description = "fire at the n-th time", defaultValue = "1") int times,
      @Param(value = "who", description = "only this thread", defaultValue = "ANY") Who who) {
    this.op = op;
    this.object = object;
    this.times = times;
    this.who = who;
  }

  @Override
  public String name() {
    return "op-watch";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    seen = 0;
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event e) {
    boolean thread = who == Who.ANY || e.thread().toString().equalsIgnoreCase(who.name());
    if (thread && e.op().equals(op) && e.object().equals(object) && ++seen >= times) {
      ctx.report(this, e.describe() + " ran " + seen + " time(s)");
    }
  }
}
