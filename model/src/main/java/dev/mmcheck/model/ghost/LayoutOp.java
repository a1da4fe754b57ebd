package dev.mmcheck.model.ghost;

import dev.mmcheck.engine.Tracked;

/**
 * Ghost: a system call that changes the layout of {@code [start, end)} of an mm, with the
 * effect the system call promises as one atomic step somewhere between its entry ({@link
 * #open}, an {@code access} event) and its return ({@link #close}, the ghost's {@code free}):
 *
 * <ul>
 *   <li>{@link Kind#UNMAP}: {@code munmap}: mapped before, unmapped after;
 *   <li>{@link Kind#MAP}: {@code mmap} into a hole: unmapped before, mapped after;
 *   <li>{@link Kind#REPLACE}: {@code mmap(MAP_FIXED)} over what is there: whatever was mapped
 *       is replaced, atomically, by the new mapping (Matthew Wilcox, 21 Mar 2018: "unmapping
 *       conflicts atomically", Message-ID 20180321224631.GB3969@bombadil.infradead.org);
 *   <li>{@link Kind#PROTECT}: {@code mprotect}: mapped before and after.
 * </ul>
 *
 * Never read by kernel paths.
 */
public final class LayoutOp extends Tracked {
  /** The promised effect. */
  public enum Kind { UNMAP, MAP, REPLACE, PROTECT }

  private final AddressSpaceView mm;
  private final int start;
  private final int end;
  private final Kind kind;

  private LayoutOp(AddressSpaceView mm, int start, int end, Kind kind) {
    super(kind.name().toLowerCase(java.util.Locale.ROOT) + "(" + mm.name() + "[" + start + "," + end + "))");
    this.mm = mm;
    this.start = start;
    this.end = end;
    this.kind = kind;
  }

  /** Opens the window of a system call by the running thread. */
  public static LayoutOp open(AddressSpaceView mm, int start, int end, Kind kind) {
    LayoutOp op = new LayoutOp(mm, start, end, kind);
    op.access();
    return op;
  }

  /** The system call returns. */
  public void close() {
    free();
  }

  public AddressSpaceView mm() {
    return mm;
  }

  public int start() {
    return start;
  }

  public int end() {
    return end;
  }

  public Kind kind() {
    return kind;
  }

  /** Does it cover page {@code addr}? */
  public boolean covers(int addr) {
    return start <= addr && addr < end;
  }
}
