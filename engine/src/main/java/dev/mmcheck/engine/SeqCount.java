package dev.mmcheck.engine;

import java.util.List;

/**
 * A kernel {@code seqcount_t}. Writers must be serialised by another lock (as in the
 * kernel); readers retry.
 *
 * <pre>
 *   even --write_seqcount_begin--&gt; odd --write_seqcount_end--&gt; even
 *   read_seqcount_begin: disabled (spins) while odd; returns the even value
 *   read_seqcount_retry(start): true if the count moved since start
 * </pre>
 */
public final class SeqCount extends SyncObject {
  private int seq;
  private ModelThread writer;

  public SeqCount(String name) {
    this(name, null);
  }

  public SeqCount(String name, String lockClass) {
    super(name, lockClass);
  }

  public void writeBegin() {
    if (siteRemoved(OpCode.SEQ_WRITE_BEGIN, null)) {
      return;
    }
    step(OpCode.SEQ_WRITE_BEGIN);
    siteAcquired(null);
  }

  public void writeEnd() {
    if (siteReleaseSkipped(null)) {
      return;
    }
    step(OpCode.SEQ_WRITE_END);
  }

  /** {@code read_seqcount_begin()}: waits while a write is in progress. */
  public int readBegin() {
    return (Integer) stepValue(OpCode.SEQ_READ_BEGIN, null);
  }

  /** {@code read_seqcount_retry()}: true if the reader must retry. */
  public boolean readRetry(int start) {
    return (Boolean) stepValue(OpCode.SEQ_READ_RETRY, start);
  }

  /** Not a scheduling point. */
  public int peek() {
    observed(OpCode.Dep.OBSERVE);
    return seq;
  }

  @Override
  boolean enabled(Op op, ModelThread t) {
    return (seq & 1) == 0;
  }

  @Override
  boolean availableForBlocking() {
    return (seq & 1) == 0;
  }

  @Override
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case SEQ_WRITE_BEGIN -> {
        if ((seq & 1) != 0) {
          throw new ModelBug("write_seqcount_begin(" + name() + ") by " + t.name
              + " while " + writer.name + " is writing: writers must be serialised");
        }
        seq++;
        writer = t;
        exec.noteAcquire(t, this, LockMode.EXCLUSIVE, false);
      }
      case SEQ_WRITE_END -> {
        if (writer != t) {
          throw new ModelBug("write_seqcount_end(" + name() + ") by " + t.name + " without begin");
        }
        seq++;
        writer = null;
        exec.noteRelease(t, this, LockMode.EXCLUSIVE);
      }
      case SEQ_READ_BEGIN -> {
        return seq;
      }
      case SEQ_READ_RETRY -> {
        return seq != (Integer) op.arg;
      }
      default -> throw new IllegalStateException(op.toString());
    }
    return null;
  }

  @Override
  List<ModelThread> blockers(ModelThread waiter) {
    return writer == null ? List.of() : List.of(writer);
  }
}
