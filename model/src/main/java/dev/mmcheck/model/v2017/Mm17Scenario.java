package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.Scenario;
import java.util.Map;

/**
 * Base of the part-3 fork and range-lock scenarios: {@code mm.era} is one of {@link Era17},
 * the {@link Discipline17} knobs ({@code mm.<knob>}) override single choices. Subclasses build
 * all state in {@code setup}, anew for every execution.
 */
public abstract class Mm17Scenario implements Scenario {
  protected final Map<String, String> params;
  protected final Era17 era;
  protected final Discipline17 discipline;

  protected Mm17Scenario(Map<String, String> params, Era17 defaultEra) {
    this.params = Map.copyOf(params);
    String e = params.get("mm.era");
    this.era = e == null || e.isBlank() ? defaultEra : Era17.parse(e);
    this.discipline = era.discipline().withOverrides(this.params);
  }

  /** A string parameter with a default. */
  protected String param(String key, String dflt) {
    String v = params.get(key);
    return v == null || v.isBlank() ? dflt : v.trim();
  }

  /** A new mm {@code name} of {@code pages} pages in this scenario's discipline (and a BKL in 2.2.1). */
  protected Mm17 newMm(String name, int pages) {
    return new Mm17(name, discipline, pages, discipline.bkl() ? new GiantLock("kernel_lock") : null);
  }

  @Override
  public String name() {
    return getClass().getSimpleName() + "[" + era + "]";
  }
}
