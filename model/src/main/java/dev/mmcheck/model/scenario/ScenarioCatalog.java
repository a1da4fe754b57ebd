package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.Scenario;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Short names of the part-1 scenarios, for configs ({@code target = fault-vs-munmap}) and the
 * CLI. Every class has a public constructor taking the parameter map ({@code mm.era}, knobs).
 */
public final class ScenarioCatalog {
  /** One catalog entry. */
  public record Entry(String name, Class<? extends Scenario> type, String description,
      Function<Map<String, String>, Scenario> factory) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("fault-vs-munmap", FaultVsMunmap.class, FaultVsMunmap::new,
        "seed 000: a fault uses a VMA that munmap (no mmap_sem in 1998) frees");
    add("fault-vs-mprotect", FaultVsMprotect.class, FaultVsMprotect::new,
        "seed 000: a fault sees mprotect's split half done (new vm_start, old vm_offset)");
    add("kswapd-vs-mprotect", KswapdVsMprotect.class, KswapdVsMprotect::new,
        "seed 002: kswapd writes a page back at the wrong offset during an mprotect split");
    add("kswapd-vs-munmap", KswapdVsMunmap.class, KswapdVsMunmap::new,
        "seed 002: kswapd walks a VMA list while munmap unlinks and frees a VMA");
    add("ptrace-lookup-before-lock", PtraceLookupBeforeLock.class, PtraceLookupBeforeLock::new,
        "seed 002: access_process_vm looks the VMA up before down(mmap_sem)");
    add("stale-mmap-cache", StaleMmapCache.class, StaleMmapCache::new,
        "seed 002: munmap clears mmap_cache outside the vmlist lock; kswapd finds the unlinked VMA");
    add("rule4-stealing-under-lock", Rule4StealingUnderLock.class, Rule4StealingUnderLock::new,
        "seed 002 rule 4: allocating under vmlist_modify_lock deadlocks with kswapd");
    add("rule5-two-stealers", Rule5TwoStealers.class, Rule5TwoStealers::new,
        "seed 002 rule 5: two stealers take two mms' vmlist locks in opposite order");
    add("swapout-driver-uaf", SwapoutDriverUaf.class, SwapoutDriverUaf::new,
        "seed 002: a driver swapout() sleeps, munmap frees its VMA; fix: pass the fields");
    add("hemment-recheck", HemmentRecheck.class, HemmentRecheck::new,
        "seed 000: swap_in/do_wp_page without re-checks is safe iff mmap_sem is always held");
  }

  private ScenarioCatalog() {}

  private static void add(String name, Class<? extends Scenario> type, Function<Map<String, String>, Scenario> f,
      String description) {
    ENTRIES.put(name, new Entry(name, type, description, f));
  }

  /** All entries, in catalog order. */
  public static Map<String, Entry> entries() {
    return java.util.Collections.unmodifiableMap(ENTRIES);
  }

  /** The entry for a short name, or null. */
  public static Entry find(String name) {
    return ENTRIES.get(name);
  }

  /** Builds the named scenario with the given parameters; the error lists valid names. */
  public static Scenario create(String name, Map<String, String> params) {
    Entry e = ENTRIES.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown scenario '" + name + "'; valid: " + ENTRIES.keySet());
    }
    return e.factory().apply(params);
  }
}
