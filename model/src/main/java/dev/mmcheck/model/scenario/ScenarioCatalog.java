package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.Discipline;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.v26.Discipline26;
import dev.mmcheck.model.v26.Era26;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Short names of the part-1 scenarios, for configs ({@code target = fault-vs-munmap}) and the
 * CLI, which finds this class as a {@link Catalog} service. Every scenario class has a public
 * constructor taking the parameter map: {@code mm.era}, the {@link Discipline} knobs
 * ({@code mm.<knob>}, default {@code era} = the era's own value) and its own variant keys.
 */
public final class ScenarioCatalog implements Catalog {
  /** One scenario: its short name, class, description, factory and parameters. */
  public record Entry(String name, Class<? extends Scenario> type, String description,
      Function<Map<String, String>, Scenario> factory, List<Param> params) {}

  private static final Map<String, Entry> ENTRIES = new LinkedHashMap<>();

  static {
    add("fault-vs-munmap", FaultVsMunmap.class, FaultVsMunmap::new, Era.E1998,
        "seed 000: a fault uses a VMA that munmap (no mmap_sem in 1998) frees");
    add("fault-vs-mprotect", FaultVsMprotect.class, FaultVsMprotect::new, Era.E1998,
        "seed 000: a fault sleeps in nopage, mprotect splits the VMA, the fault maps a writable PTE from stale vm_page_prot");
    add("kswapd-vs-mprotect", KswapdVsMprotect.class, KswapdVsMprotect::new, Era.E1999_PRE,
        "seed 002: mprotect's merge_segments frees a VMA kswapd is walking (case=split: 2.1.98's VMA-derived offset)",
        new Param("mm.case", "merge: merge_segments frees vma1 (2.3.21); split: mprotect_fixup_start vs kswapd's offset",
            List.of("merge", "split"), "merge"),
        new Param("mm.dirty", "merge: page 3 is dirty, so kswapd calls swapout() on vma1", List.of("true", "false"),
            "false"));
    add("kswapd-vs-munmap", KswapdVsMunmap.class, KswapdVsMunmap::new, Era.E1998,
        "seed 002: kswapd walks a VMA list while munmap unlinks and frees a VMA");
    add("kswapd-vs-exit", KswapdVsExit.class, KswapdVsExit::new, Era.E1999_PATCH,
        "seed 002: the stealer's mm_count pin keeps the victim mm alive while it sleeps for the vmlist lock and the tasks exit");
    add("ptrace-lookup-before-lock", PtraceLookupBeforeLock.class, PtraceLookupBeforeLock::new, Era.E1999_PRE,
        "seed 002: access_process_vm looks the VMA up before down(mmap_sem)",
        new Param("mm.present", "the peeked page is present (false: ptrace sleeps in handle_mm_fault)",
            List.of("true", "false"), "false"));
    add("stale-mmap-cache", StaleMmapCache.class, StaleMmapCache::new, Era.E1999_PATCH,
        "seed 002: munmap clears mmap_cache after freeing the VMA; kswapd's find_vma dereferences it");
    add("rule4-stealing-under-lock", Rule4StealingUnderLock.class, Rule4StealingUnderLock::new, Era.E1999_PATCH,
        "seed 002 rule 4: page stealing while a vmlist lock is held (direct reclaim; Kanoj's two-process case)",
        new Param("mm.case", "direct-reclaim: the allocating task steals from its own mm; kanoj: lock held into swapout()",
            List.of("direct-reclaim", "kanoj"), "direct-reclaim"),
        new Param("mm.allocUnderVmlistLock", "direct-reclaim: allocate the split's VMA under the lock (breaks rule 4)",
            List.of("true", "false"), "true"),
        new Param("mm.swapoutUnderVmlistLock", "kanoj: keep vmlist_access_lock across swapout() (Manfred's proposal)",
            List.of("true", "false"), "true"));
    add("rule5-two-stealers", Rule5TwoStealers.class, Rule5TwoStealers::new, Era.E1999_PATCH,
        "seed 002 rule 5 (hypothetical stealer): two stealers nest two mms' vmlist locks in opposite order",
        new Param("mm.nestVictims", "hold victim A's vmlist lock while taking B's (breaks rule 5)",
            List.of("true", "false"), "true"),
        new Param("mm.stealersTakeBkl", "the stealers run under the BKL, as do_try_to_free_pages does",
            List.of("true", "false"), "true"));
    add("rule5-fork", Rule5Fork.class, Rule5Fork::new, Era.E2_4_20,
        "seed 002 rule 5, the real nesting: 2.4.20 dup_mmap holds the child's page_table_lock, copy_page_range takes the parent's");
    add("swapout-driver-uaf", SwapoutDriverUaf.class, SwapoutDriverUaf::new, Era.E1999_PATCH,
        "seed 002: a (hypothetical) driver swapout() sleeps, munmap frees its VMA; fix: pass the file",
        new Param("mm.driver", "sleepy: swapout() sleeps before reading the VMA; filemap: filemap_swapout",
            List.of("sleepy", "filemap"), "sleepy"));
    add("hemment-recheck", HemmentRecheck.class, HemmentRecheck::new, Era.E1998,
        "seed 000: swap_in/do_wp_page without re-checks is safe iff every PTE writer holds mmap_sem exclusively",
        new Param("mm.faultRechecks", "swap_in/do_wp_page re-check the PTE after sleeping (default false: Hemment's proposal)",
            List.of("true", "false", "era"), "false"),
        new Param("mm.path", "swap: a swapped-out page; wp: a write-protected COW page", List.of("swap", "wp"), "swap"),
        new Param("mm.writer", "the other PTE writer", List.of("ptrace", "fault", "swapoff", "kswapd"), "ptrace"));
  }

  // ---- part 2: the 2.6 / 2013 disciplines (mm.era one of Era26) ----
  static {
    add26("write-vs-madvise-remove", WriteVsMadviseRemove.class, WriteVsMadviseRemove::new, Era26.E2_6_20,
        "holepunch fix (Mar 2007): write() holds i_mutex and faults; 2.6.20 MADV_REMOVE holds mmap_sem(w) into i_mutex",
        new Param("mm.writer", "true: a munmap of another VMA queues a writer on mmap_sem",
            List.of("true", "false"), "false"));
    add26("pagecache-write-deadlock", PagecacheWriteDeadlock.class, PagecacheWriteDeadlock::new, Era26.E2_6_23,
        "08291429cfa6: write() faults on its buffer while holding the page lock (3 deadlocks)",
        new Param("mm.case", "same-page, two-pages (ABBA) or mlock (lock_page vs get_user_pages under mmap_sem(w))",
            List.of("same-page", "two-pages", "mlock"), "same-page"));
    add26("fault-retry-stale-vma", FaultRetryStaleVma.class, FaultRetryStaleVma::new, Era26.E2_6_37,
        "d065bd810b6d: after VM_FAULT_RETRY the VMA must be looked up again (munmap may free it)");
    add26("gup-under-mmap-sem", GupUnderMmapSem.class, GupUnderMmapSem::new, Era26.E2013_SEQCOUNT,
        "seed 001: mmap_sem dropped on every fs path but get_user_pages: mmap_sem -> i_mutex inversion");
    add26("seqcount-fault", SeqcountFault.class, SeqcountFault::new, Era26.E2013_SEQCOUNT,
        "seed 001: fault without mmap_sem validated by a seqcount; Hugh Dickins' replaced-VMA case",
        new Param("mm.change", "map-fixed: munmap + mmap(MAP_FIXED) of another file; munmap; mprotect: read-only in place",
            List.of("map-fixed", "munmap", "mprotect"), "map-fixed"));
    add26("recursive-mmap-read", RecursiveMmapRead.class, RecursiveMmapRead::new, Era26.E2_6_24,
        "rwsem writer preference: mmap_sem(r) taken twice while munmap waits for write",
        new Param("mm.nestedRead", "true: fault under mmap_sem(r); false: atomic access, drop, fault in, retry",
            List.of("true", "false"), "true"));
  }

  private static void add26(String name, Class<? extends Scenario> type, Function<Map<String, String>, Scenario> f,
      Era26 defaultEra, String description, Param... extra) {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "locking discipline (part 2)", Arrays.stream(Era26.values()).map(Era26::id).toList(),
        defaultEra.id()));
    for (String knob : Discipline26.KNOBS) {
      params.add(new Param("mm." + knob, "override one knob of the era's discipline (era = keep)",
          knob.equals("seqValidate") ? List.of("era", "NONE", "DETACH", "VMA", "MM") : List.of("era", "true", "false"), "era"));
    }
    params.addAll(List.of(extra));
    ENTRIES.put(name, new Entry(name, type, description, f, params));
  }

  /** For {@link java.util.ServiceLoader}. */
  public ScenarioCatalog() {}

  private static void add(String name, Class<? extends Scenario> type, Function<Map<String, String>, Scenario> f,
      Era defaultEra, String description, Param... extra) {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "locking discipline", Arrays.stream(Era.values()).map(Era::id).toList(),
        defaultEra.id()));
    for (String knob : Discipline.KNOBS) {
      if (Arrays.stream(extra).noneMatch(p -> p.key().equals("mm." + knob))) {
        params.add(new Param("mm." + knob, "override one knob of the era's discipline (era = keep)",
            knobChoices(knob), "era"));
      }
    }
    params.addAll(List.of(extra));
    ENTRIES.put(name, new Entry(name, type, description, f, params));
  }

  /**
   * The values of a part-1 knob: {@code era} (keep the era's), then {@code true}/{@code false}
   * for a boolean component of {@link Discipline}, or the constant names of an enum one (what
   * {@link Discipline#withOverrides} accepts), so that {@code keys} shows them and a bad value is
   * a config error listing them.
   */
  static List<String> knobChoices(String knob) {
    for (java.lang.reflect.RecordComponent rc : Discipline.class.getRecordComponents()) {
      if (rc.getName().equals(knob)) {
        List<String> out = new ArrayList<>(List.of("era"));
        if (rc.getType() == boolean.class) {
          out.addAll(List.of("true", "false"));
        } else {
          Arrays.stream(rc.getType().getEnumConstants()).forEach(c -> out.add(((Enum<?>) c).name()));
        }
        return List.copyOf(out);
      }
    }
    throw new IllegalStateException("no Discipline component " + knob);
  }

  /** All entries, in catalog order. */
  public static Map<String, Entry> entries() {
    return Collections.unmodifiableMap(ENTRIES);
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

  @Override
  public List<Catalog.Entry> scenarios() {
    return ENTRIES.values().stream()
        .map(e -> new Catalog.Entry(e.name(), e.type(), e.description(), e.params()))
        .toList();
  }
}
