package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.Discipline;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.VmOps;
import java.util.Map;

/**
 * Base of the part-1 scenarios: parameter handling ({@code mm.era} plus the single-knob
 * overrides of {@link Discipline#withOverrides}) and setup helpers that build an mm, its VMAs
 * and PTEs without scheduling points. Subclasses build all state in {@link #setup}, anew for
 * every execution.
 */
public abstract class MmScenario implements Scenario {
  /** The scenario's parameters as given (config keys such as {@code mm.era}). */
  protected final Map<String, String> params;
  /** The selected era. */
  protected final Era era;
  /** The era's discipline with any overrides applied. */
  protected final Discipline discipline;

  protected MmScenario(Map<String, String> params, Era defaultEra) {
    this.params = Map.copyOf(params);
    this.era = params.containsKey("mm.era") ? Era.parse(params.get("mm.era")) : defaultEra;
    this.discipline = era.discipline().withOverrides(this.params);
  }

  /** A boolean parameter with a default. */
  protected boolean flag(String key, boolean dflt) {
    String v = params.get(key);
    return v == null ? dflt : Boolean.parseBoolean(v.trim());
  }

  /** A string parameter with a default; the error names the key and the valid values. */
  protected String choice(String key, String dflt, String... valid) {
    String v = params.getOrDefault(key, dflt).trim();
    if (!java.util.List.of(valid).contains(v)) {
      throw new IllegalArgumentException(key + " must be one of " + java.util.List.of(valid) + ", not '" + v + "'");
    }
    return v;
  }

  /** A new mm of {@code pages} pages in this scenario's discipline. */
  protected MmStruct newMm(String name, Kernel kernel, int pages) {
    return new MmStruct(name, kernel, discipline, pages);
  }

  /** Setup: maps {@code [start,end)} of {@code file} at file offset {@code offset} and links it. */
  protected static Vma map(MmStruct mm, String name, int start, int end, int offset, int flags, Inode file,
      VmOps ops) {
    Vma v = new Vma(name, mm, start, end, offset, flags, file, ops);
    Mmap.link_initial(mm, v);
    mm.totalVm.set(mm.totalVm.peek() + end - start);
    if (file != null) {
      mm.setFileLayout(start - offset, 0);
    }
    return v;
  }

  /** Setup: a present page-cache page at {@code addr}, dirty or clean. */
  protected static void filePage(MmStruct mm, int addr, boolean dirty) {
    mm.pte(addr).set(Pte.filePage(addr, mm.expectedOffset(addr), true, dirty));
    mm.rss.set(mm.rss.peek() + 1);
  }

  @Override
  public String name() {
    return getClass().getSimpleName() + "[" + era + "]";
  }
}
