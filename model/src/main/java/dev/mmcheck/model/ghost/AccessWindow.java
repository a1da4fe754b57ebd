package dev.mmcheck.model.ghost;

import dev.mmcheck.engine.Tracked;

/**
 * Ghost: one user-space access to page {@code addr} of an mm, from the instruction that touches
 * it to the access's completion or the signal it raises, including every page fault and retry
 * in between. {@link #open} is an {@code access} event of the ghost, {@link #close} its
 * {@code free}; {@link #outcome()} is valid once closed ({@code no-spurious-sigsegv}).
 *
 * <p>The outcome is a plain field written by the accessing thread before the event that closes
 * the window, and read by properties only at that event: it needs no cell, because no other
 * thread writes it and it is ordered before the close by program order. Never read by kernel
 * paths.
 */
public final class AccessWindow extends Tracked {
  /** How a user access ended. */
  public enum Outcome {
    /** The access completed (possibly after faults and retries). */
    OK,
    /** {@code SIGSEGV} with {@code SEGV_MAPERR}: no mapping at the address. */
    SEGV_MAPERR,
    /** {@code SIGSEGV} with {@code SEGV_ACCERR}: a mapping without the needed permission. */
    SEGV_ACCERR
  }

  private final AddressSpaceView mm;
  private final int addr;
  private final boolean write;
  private Outcome outcome;

  private AccessWindow(AddressSpaceView mm, int addr, boolean write) {
    super((write ? "write" : "read") + "(" + mm.name() + "@" + addr + ")");
    this.mm = mm;
    this.addr = addr;
    this.write = write;
  }

  /** Opens the window of an access by the running thread. */
  public static AccessWindow open(AddressSpaceView mm, int addr, boolean write) {
    AccessWindow w = new AccessWindow(mm, addr, write);
    w.access();
    return w;
  }

  /** Closes it with {@code how}; returns {@code how}. */
  public Outcome close(Outcome how) {
    this.outcome = how;
    free();
    return how;
  }

  public AddressSpaceView mm() {
    return mm;
  }

  public int addr() {
    return addr;
  }

  public boolean write() {
    return write;
  }

  /** Null until closed. */
  public Outcome outcome() {
    return outcome;
  }
}
