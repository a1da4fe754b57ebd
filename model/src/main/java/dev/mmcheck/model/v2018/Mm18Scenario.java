package dev.mmcheck.model.v2018;

import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v2017.Discipline17;
import dev.mmcheck.model.v2017.Mm17;
import dev.mmcheck.model.v2017.MmLock;
import java.util.Map;

/**
 * Base of the seed-004 scenarios: {@code mm.era} is one of {@link Era18}, the
 * {@link Discipline18} knobs override single choices, {@code mm.addr} is the page the fault
 * touches. The mm is 4.16's ({@link #MM}: rwsem {@code mmap_sem}, {@code page_table_lock}, no
 * list lock; the vmacache is left out: every lookup here holds mmap_sem).
 */
public abstract class Mm18Scenario implements Scenario {
  /** The 4.16 mm under every seed-004 discipline. */
  public static final Discipline17 MM = new Discipline17(MmLock.Kind.RWSEM, false, true, false,
      Discipline17.DupLock.WRITE, Discipline17.ListLock.NONE, Discipline17.Vmacache.NONE);

  protected final Map<String, String> params;
  protected final Era18 era;
  protected final Discipline18 discipline;
  protected final int addr;

  protected Mm18Scenario(Map<String, String> params, int defaultAddr) {
    this.params = Map.copyOf(params);
    String e = params.get("mm.era");
    this.era = e == null || e.isBlank() ? Era18.E2018_VMA_LOCK : Era18.parse(e);
    this.discipline = era.discipline().withOverrides(this.params);
    String a = params.get("mm.addr");
    this.addr = a == null || a.isBlank() ? defaultAddr : Integer.parseInt(a.trim());
    if (addr < 0 || addr > 3) {
      throw new IllegalArgumentException("mm.addr must be a page in [0, 4), not " + addr);
    }
  }

  protected Mm17 newMm() {
    return new Mm17("mm", MM, 4, null);
  }

  @Override
  public String name() {
    return getClass().getSimpleName() + "[" + era + ", " + discipline + ", addr=" + addr + "]";
  }
}
