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

  /** {@code wait_for_completion()}: sleeps until completed. */
  public void waitForCompletion() {
    sleepingAcquire(OpCode.WAIT_FOR_COMPLETION, () -> step(OpCode.WAIT_FOR_COMPLETION),
        OpCode.TRY_WAIT_FOR_COMPLETION);
  }

  /** {@code try_wait_for_completion()}: true (and consumes one completion) if done; never sleeps. */
  public boolean tryWaitForCompletion() {
    return (Boolean) stepValue(OpCode.TRY_WAIT_FOR_COMPLETION, null);
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    return done > 0;
  }

  @Override
  boolean availableForBlocking() {
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
      case TRY_WAIT_FOR_COMPLETION -> {
        if (done == 0) {
          return Boolean.FALSE;
        }
        if (done != Integer.MAX_VALUE) {
          done--;
        }
        return Boolean.TRUE;
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
