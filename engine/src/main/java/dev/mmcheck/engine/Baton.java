package dev.mmcheck.engine;

import java.util.concurrent.locks.LockSupport;

/**
 * Hand-off of control between the participants of one execution (the model threads and the
 * explorer). Exactly one participant holds the baton at a time; the others are parked. The
 * volatile {@code turn} flag carries the happens-before edge between them.
 */
final class Baton {
  final Thread thread;
  private volatile boolean turn;

  Baton(Thread thread) {
    this.thread = thread;
  }

  /** Gives control to {@code next} (without waiting). */
  static void give(Baton next) {
    next.turn = true;
    LockSupport.unpark(next.thread);
  }

  /** Parks until given control. */
  void await() {
    while (!turn) {
      LockSupport.park(this);
    }
    turn = false;
  }

  /** Gives control to {@code next} and parks until given it back. */
  void passTo(Baton next) {
    give(next);
    await();
  }
}
