package dev.mmcheck.engine;

import java.util.List;

/**
 * A kernel {@code struct completion}: {@code wait_for_completion} sleeps until a
 * {@code complete} (which lets one waiter through) or {@code complete_all} (all, forever).
 */
public final class Completion extends SyncObject {
  private int done;

  public Completion(String name) {
    super(name, null);
  }

  public void complete() {
    step(OpCode.COMPLETE);
  }

  public void completeAll() {
    step(OpCode.COMPLETE_ALL);
  }

  public void waitForCompletion() {
    step(OpCode.WAIT_FOR_COMPLETION);
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    return done > 0;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case COMPLETE -> {
        if (done != Integer.MAX_VALUE) {
          done++;
        }
      }
      case COMPLETE_ALL -> done = Integer.MAX_VALUE;
      case WAIT_FOR_COMPLETION -> {
        if (done != Integer.MAX_VALUE) {
          done--;
        }
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    return List.of();
  }
}
