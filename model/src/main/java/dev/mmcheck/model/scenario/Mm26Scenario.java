package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v26.Discipline26;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import java.util.Map;

/**
 * Base of the part-2 scenarios (2.6 / 2013): {@code mm.era} is one of {@link Era26}, the
 * {@link Discipline26} knobs ({@code mm.<knob>}) override single choices. Subclasses build all
 * state in {@link #setup}, anew for every execution.
 */
public abstract class Mm26Scenario implements Scenario {
  protected final Map<String, String> params;
  protected final Era26 era;
  protected final Discipline26 discipline;

  protected Mm26Scenario(Map<String, String> params, Era26 defaultEra) {
    this.params = Map.copyOf(params);
    this.era = params.containsKey("mm.era") ? Era26.parse(params.get("mm.era")) : defaultEra;
    this.discipline = era.discipline().withOverrides(this.params);
  }

  /** A string parameter with a default. */
  protected String param(String key, String dflt) {
    String v = params.get(key);
    return v == null || v.isBlank() ? dflt : v.trim();
  }

  /**
   * A new 2.6 mm of {@code pages} pages in this scenario's discipline; {@code mm.mmapSem =
   * full-range} (not a catalog key: for the step-1 regression test) makes its mmap_sem a
   * full-range range lock.
   */
  protected Mm26 newMm(int pages) {
    return new Mm26("mm", era, discipline, pages, dev.mmcheck.model.lock.MmapSemKind.parse(param("mm.mmapSem", "rwsem")));
  }

  /** A file of {@code pages} cached pages. */
  protected Inode26 file(String name, int pages, boolean uptodate, boolean faultTakesIMutex) {
    return new Inode26(name, pages, uptodate, era.immapIsSpinlock(), faultTakesIMutex);
  }

  @Override
  public String name() {
    return getClass().getSimpleName() + "[" + era + "]";
  }
}
