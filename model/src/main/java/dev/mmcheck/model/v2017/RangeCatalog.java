package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v2018.Discipline18;
import dev.mmcheck.model.v2018.Era18;
import dev.mmcheck.model.v2018.MapFixedVsFault;
import dev.mmcheck.model.v2018.MunmapVsFault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Short names of the part-3 scenarios (seeds 003 and 004: fork, range locks, sectioned unmap),
 * for configs ({@code target = fork-vs-parent}) and the CLI, which finds this class as a
 * {@link Catalog} service (one line in {@code META-INF/services/dev.mmcheck.engine.Catalog}).
 * Each scenario class has a public {@code (Map<String,String>)} constructor.
 */
public final class RangeCatalog implements Catalog {
  /** One scenario: its short name, class, description, factory and parameters. */
  public record Entry(String name, Class<? extends Scenario> type, String description,
      Function<Map<String, String>, Scenario> factory, List<Param> params) {}

  private static final Map<String, Entry> ENTRIES = entries0();

  /** For {@link java.util.ServiceLoader}. */
  public RangeCatalog() {}

  private static Map<String, Entry> entries0() {
    Map<String, Entry> m = new LinkedHashMap<>();
    put17(m, "fork-vs-parent", ForkVsParent.class, ForkVsParent::new,
        "seed 003: fork while another thread of the parent writes / faults / munmaps / mprotects; is dup_mmap's write lock needed?",
        new Param("mm.op", "what the parent's other thread does: write (COW), fault (write fault), munmap or mprotect, then a write",
            List.of("write", "fault", "munmap", "mprotect"), "write"));
    put17(m, "list-walk", ListWalk.class, ListWalk::new,
        "seed 003: a fault walks the VMA list/vmacache under its page's range while munmap/mmap changes a disjoint range",
        new Param("mm.op", "munmap: vma_b is unlinked and freed; mmap: vma_b is inserted", List.of("munmap", "mmap"), "munmap"));
    put18(m, "map-fixed-vs-fault", MapFixedVsFault.class, MapFixedVsFault::new,
        "seed 004: mmap(MAP_FIXED) over a large mapping, unmapped by sections, while a fault runs on it", "1");
    put18(m, "munmap-vs-fault", MunmapVsFault.class, MunmapVsFault::new,
        "seed 004: a sectioned munmap of part of a VMA while a fault runs outside (or inside) the range", "3");
    return java.util.Collections.unmodifiableMap(m);
  }

  private static void put17(Map<String, Entry> m, String name, Class<? extends Scenario> type,
      Function<Map<String, String>, Scenario> f, String description, Param... extra) {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "fork / range-lock era", Arrays.stream(Era17.values()).map(Era17::id).toList(),
        Era17.E2017_RANGE.id()));
    for (String knob : Discipline17.KNOBS) {
      params.add(new Param("mm." + knob, "override one knob of the era's discipline (era = keep)",
          Discipline17.choices(knob), "era"));
    }
    params.addAll(List.of(extra));
    m.put(name, new Entry(name, type, description, f, params));
  }

  private static void put18(Map<String, Entry> m, String name, Class<? extends Scenario> type,
      Function<Map<String, String>, Scenario> f, String description, String defaultAddr) {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "seed-004 discipline", Arrays.stream(Era18.values()).map(Era18::id).toList(),
        Era18.E2018_VMA_LOCK.id()));
    for (String knob : Discipline18.KNOBS) {
      params.add(new Param("mm." + knob, "override one knob of the era's discipline (era = keep)",
          Discipline18.choices(knob), "era"));
    }
    params.add(new Param("mm.addr", "the page the fault writes", List.of("0", "1", "2", "3"), defaultAddr));
    m.put(name, new Entry(name, type, description, f, params));
  }

  /** All entries, in catalog order. */
  public static Map<String, Entry> entries() {
    return ENTRIES;
  }

  /** Builds the named scenario; the error lists valid names. */
  public static Scenario create(String name, Map<String, String> params) {
    Entry e = ENTRIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown part-3 scenario '" + name + "'; valid: " + ENTRIES.keySet());
    }
    return e.factory().apply(params);
  }

  @Override
  public List<Catalog.Entry> scenarios() {
    return ENTRIES.values().stream()
        .map(e -> new Catalog.Entry(e.name(), e.type(), e.description(), e.params()))
        .toList();
  }
}
