package dev.mmcheck.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.LockSupport;

/**
 * Where the virtual threads of one search worker run: the JVM's virtual-thread scheduler, or a
 * carrier of the worker's own (one platform thread that runs the worker and all its model
 * threads, so that a hand-off from one model thread to the next never leaves that thread's
 * core).
 *
 * <p>An own carrier uses the JDK's package-private {@code ThreadBuilders.VirtualThreadBuilder(Executor)}
 * constructor, which needs {@code --add-opens java.base/java.lang=ALL-UNNAMED} (the launcher and
 * the build pass it). Without it, or on a JDK that lacks the constructor, {@link #own} returns the
 * JVM's scheduler: the search is the same, only the hand-offs of a parallel search may cross cores.
 * {@code -Dmmcheck.jvmCarriers=true} asks for the JVM's scheduler anyway (to compare them).
 *
 * <p>Thread-safe. {@link #close} ends the platform thread once its virtual threads are done.
 */
final class Carrier implements AutoCloseable {
  /** The JVM's scheduler. */
  static final Carrier JVM = new Carrier(null, null);

  private static final MethodHandle BUILDER = builderConstructor();

  private final Loop pool;
  private final Executor scheduler;

  private Carrier(Loop pool, Executor scheduler) {
    this.pool = pool;
    this.scheduler = scheduler;
  }

  /** A carrier of its own named {@code name}, or {@link #JVM} if the JDK does not let us make one. */
  static Carrier own(String name) {
    if (BUILDER == null || Boolean.getBoolean("mmcheck.jvmCarriers")) {
      return JVM;
    }
    Loop pool = new Loop(name);
    return new Carrier(pool, pool);
  }

  /** Whether this carrier is a platform thread of its own. */
  boolean isOwn() {
    return pool != null;
  }

  /** An unstarted virtual thread on this carrier. */
  Thread unstarted(String name, Runnable body) {
    return builder().name(name).unstarted(body);
  }

  private Thread.Builder.OfVirtual builder() {
    if (scheduler == null) {
      return Thread.ofVirtual();
    }
    try {
      return (Thread.Builder.OfVirtual) BUILDER.invoke(scheduler);
    } catch (Throwable e) {
      throw new IllegalStateException("cannot make a virtual thread on an own carrier", e);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }

  /**
   * The scheduler of an own carrier: one daemon platform thread that runs submitted
   * continuations in order. Nearly every submission comes from a virtual thread running on it
   * (a hand-off unparks the next model thread), so the queue is lock-free and the platform
   * thread is unparked only when it sleeps ({@code parked}, checked after the offer: the
   * offer's CAS and the volatile flag order both sides).
   */
  private static final class Loop implements Executor {
    private final ConcurrentLinkedQueue<Runnable> queue = new ConcurrentLinkedQueue<>();
    private final Thread thread;
    private volatile boolean parked;
    private volatile boolean shutdown;
    /** The loop has ended (after shutdown, with an empty queue). */
    private volatile boolean exited;

    Loop(String name) {
      thread = new Thread(this::run, name);
      thread.setDaemon(true);
      thread.start();
    }

    @Override
    public void execute(Runnable r) {
      queue.offer(r);
      if (parked) {
        LockSupport.unpark(thread);
      }
      if (exited && queue.remove(r)) {
        // a virtual thread woken after its search ended and the loop left (none is expected):
        // run it anyway, so that no thread is left parked for good
        Thread.ofPlatform().daemon().name(thread.getName() + "-late").start(r);
      }
    }

    void shutdown() {
      shutdown = true;
      LockSupport.unpark(thread);
    }

    private void run() {
      while (true) {
        Runnable r = queue.poll();
        if (r != null) {
          r.run();
          continue;
        }
        if (shutdown) {
          exited = true;
          if (queue.isEmpty()) {
            return; // a task offered from now on is run by execute's fallback
          }
          exited = false;
          continue;
        }
        parked = true;
        if (queue.isEmpty() && !shutdown) {
          LockSupport.park(this);
        }
        parked = false;
      }
    }
  }

  private static MethodHandle builderConstructor() {
    try {
      Class<?> c = Class.forName("java.lang.ThreadBuilders$VirtualThreadBuilder");
      MethodHandles.Lookup l = MethodHandles.privateLookupIn(c, MethodHandles.lookup());
      return l.findConstructor(c, MethodType.methodType(void.class, Executor.class));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null; // not opened (--add-opens java.base/java.lang) or not this JDK
    }
  }
}
