package dev.mmcheck.model.ghost;

import dev.mmcheck.engine.Tracked;

/**
 * Ghost: the window of one {@code fork()} during which the child's address space is built from
 * the parent's. {@link #open} (an {@code access} event of this object) marks the entry of the
 * fork system call, {@link #close} (its {@code free}) the point after which the child may run
 * and the parent's other threads see the fork as done. Properties read {@link #parent()} and
 * {@link #child()} at those events ({@code fork-snapshot}).
 *
 * <p>Created and closed by the forking thread only; never read by kernel paths.
 */
public final class ForkWindow extends Tracked {
  private final AddressSpaceView parent;
  private final AddressSpaceView child;

  private ForkWindow(AddressSpaceView parent, AddressSpaceView child) {
    super("fork(" + parent.name() + "->" + child.name() + ")");
    this.parent = parent;
    this.child = child;
  }

  /** Opens the window (two events: the ghost's alloc, then the access that opens it). */
  public static ForkWindow open(AddressSpaceView parent, AddressSpaceView child) {
    ForkWindow w = new ForkWindow(parent, child);
    w.access();
    return w;
  }

  /** Closes the window: the fork is complete. */
  public void close() {
    free();
  }

  public AddressSpaceView parent() {
    return parent;
  }

  public AddressSpaceView child() {
    return child;
  }
}
