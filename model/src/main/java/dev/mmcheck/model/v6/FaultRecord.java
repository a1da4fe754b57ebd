package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;

/**
 * Ghost: one page fault as the no-spurious-sigsegv property sees it: the address when it starts
 * ({@link #addr}, written at entry) and its outcome ({@link #result}: {@code OK} or
 * {@code SIGSEGV}, written where the kernel returns or calls {@code bad_area}). Never read by
 * kernel paths. A scenario creates one per faulting thread and passes it to
 * {@link Fault6#do_user_addr_fault}; without one (null) nothing is recorded.
 */
public final class FaultRecord extends Tracked {
  public final Mm6 mm;
  public final Cell<Integer> addr;
  public final Cell<String> result;

  public FaultRecord(String name, Mm6 mm) {
    super(name);
    this.mm = mm;
    this.addr = cell("addr", -1);
    this.result = cell("result", null);
  }
}
