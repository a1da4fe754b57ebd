package dev.mmcheck.model.v6.scenario;

import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v6.Discipline6;
import dev.mmcheck.model.v6.Era6;
import dev.mmcheck.model.v6.Kernel6;
import java.util.List;
import java.util.Map;

/**
 * Base of the part-4 scenarios: {@code mm.era} is one of {@link Era6}, {@code mm.allFixes} and
 * the {@link Discipline6} knobs ({@code mm.<knob>}) override the era's released code. Subclasses
 * build all state in {@link #setup}, anew for every execution, starting with {@link #kernel()}.
 * Bad parameter values are {@link IllegalArgumentException}s naming the key (the CLI reports them
 * as config errors).
 */
public abstract class V6Scenario implements Scenario {
  protected final Map<String, String> params;
  protected final Era6 era;
  protected final Discipline6 discipline;

  protected V6Scenario(Map<String, String> params, Era6 defaultEra) {
    this.params = Map.copyOf(params);
    String e = params.get("mm.era");
    this.era = e == null || e.isBlank() ? defaultEra : Era6.parse(e);
    this.discipline = era.discipline().withOverrides(this.params);
  }

  /** A fresh kernel context for one execution. */
  protected Kernel6 kernel() {
    return new Kernel6(era, discipline);
  }

  /** A string parameter with a default; must be one of {@code allowed}. */
  protected String choice(String key, String dflt, List<String> allowed) {
    String v = params.get(key);
    String s = v == null || v.isBlank() ? dflt : v.trim();
    if (!allowed.contains(s)) {
      throw new IllegalArgumentException(key + " must be one of " + allowed + ", not '" + s + "'");
    }
    return s;
  }

  @Override
  public String name() {
    return getClass().getSimpleName() + "[" + era + "]";
  }
}
