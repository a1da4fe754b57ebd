package dev.mmcheck.engine;

import java.util.List;
import java.util.Objects;

/**
 * The structured witness of a lock-order violation ({@code lock-order}), from which reports
 * print lockdep's "possible circular locking dependency" splat: the acquisition that closed the
 * cycle, the lock-class dependency chain with the acquiring stack of each edge, and what the
 * thread held. A self-dependency (one edge from a class to itself) is lockdep's "possible
 * recursive locking". Immutable.
 *
 * @param thread the thread whose acquisition closed the cycle
 * @param chain the edges of the cycle in order, starting with the new one (held class of the
 *     thread -> class it acquires now) and following the existing dependencies back to that held
 *     class: {@code chain.get(i).to() == chain.get(i + 1).from()}, the last edge's {@code to} is
 *     the first edge's {@code from}
 * @param held what {@code thread} held when it acquired, oldest first
 */
public record LockCycle(String thread, List<Dependency> chain, List<Acquisition> held)
    implements java.io.Serializable {
  public LockCycle {
    Objects.requireNonNull(thread);
    chain = List.copyOf(chain);
    held = List.copyOf(held);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a lock cycle has at least one edge");
    }
  }

  /** A held or acquired lock: its class, instance name (with mode tag) and model stack (innermost first). */
  public record Acquisition(String lockClass, String instance, List<StackTraceElement> stack)
      implements java.io.Serializable {
    public Acquisition {
      Objects.requireNonNull(lockClass);
      Objects.requireNonNull(instance);
      stack = List.copyOf(stack);
    }
  }

  /**
   * One edge "held class {@code from} while acquiring class {@code to}", as first seen.
   *
   * @param thread the thread that did it
   * @param held the lock it held (class {@code from}) and where it had acquired it
   * @param taken the lock it acquired (class {@code to}) and where
   * @param execution the execution in which the edge was first seen
   */
  public record Dependency(String thread, Acquisition held, Acquisition taken, int execution)
      implements java.io.Serializable {
    public Dependency {
      Objects.requireNonNull(thread);
      Objects.requireNonNull(held);
      Objects.requireNonNull(taken);
    }

    public String from() {
      return held.lockClass();
    }

    public String to() {
      return taken.lockClass();
    }
  }

  /** True for a self-dependency: the thread takes a class it already holds. */
  public boolean recursive() {
    return chain.size() == 1 && chain.get(0).from().equals(chain.get(0).to());
  }
}
