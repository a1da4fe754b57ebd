package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.model.v6.scenario.AnonVmaCheckBeforeLock;
import dev.mmcheck.model.v6.scenario.DetachedCheckOrder;
import dev.mmcheck.model.v6.scenario.DropAllLocks;
import dev.mmcheck.model.v6.scenario.DupAnonVma;
import dev.mmcheck.model.v6.scenario.ForkVsVmaFault;
import dev.mmcheck.model.v6.scenario.MapFixedGap;
import dev.mmcheck.model.v6.scenario.PageWalkVsFault;
import dev.mmcheck.model.v6.scenario.ReusedVmaIdentity;
import dev.mmcheck.model.v6.scenario.ReusedVmaOtherMm;
import dev.mmcheck.model.v6.scenario.StackRot;
import dev.mmcheck.model.v6.scenario.TakeAllLocks;
import dev.mmcheck.model.v6.scenario.VmaLockProtocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Short names of the part-4 scenarios (6.1 to 6.15: maple tree, per-VMA locks, type-stable
 * VMAs), registered as a {@link Catalog} service next to the part-1/2 {@code ScenarioCatalog}.
 * Every scenario takes {@code mm.era} (6.1, 6.4, 6.15), {@code mm.allFixes} and the
 * {@link Discipline6} knobs ({@code mm.<knob> = era|true|false}), plus its own keys.
 */
public final class V6Catalog implements Catalog {
  /** One scenario: short name, class, description, factory and parameters. */
  public record Entry(String name, Class<? extends Scenario> type, String description,
      Function<Map<String, String>, Scenario> factory, List<Param> params) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>();

  /** For {@link java.util.ServiceLoader}. */
  public V6Catalog() {
    add("stackrot", StackRot.class, StackRot::new, Era6.E6_1,
        "StackRot, CVE-2023-3269: expand_stack under mmap_read_lock RCU-frees a maple node another mmap reader walks",
        new Param("mm.neighbour", "growsdown: the VMA below grows down too (no guard gap, node replaced);"
            + " plain: an ordinary VMA (guard gap kept, pivot moved in place)", List.of("growsdown", "plain"), "growsdown"),
        new Param("mm.reader", "mmap-lock: find_vma_prev under mmap_read_lock only; rcu: inside rcu_read_lock too",
            List.of("mmap-lock", "rcu"), "mmap-lock"));
    add("fork-vs-vma-fault", ForkVsVmaFault.class, ForkVsVmaFault::new, Era6.E6_4,
        "fb49c455323f: dup_mmap without vma_start_write; a VMA-locked fault COW-breaks during the copy");
    add("dup-anon-vma", DupAnonVma.class, DupAnonVma::new, Era6.E6_4,
        "d8ab9f7b644a: dup_anon_vma sets dst->anon_vma before vma_start_write; a fault links a page too early");
    add("anon-vma-check-before-lock", AnonVmaCheckBeforeLock.class, AnonVmaCheckBeforeLock::new, Era6.E6_4,
        "657b5146955e: lock_vma_under_rcu checks anon_vma before locking; __anon_vma_prepare reads a freed neighbour");
    add("page-walk-vs-fault", PageWalkVsFault.class, PageWalkVsFault::new, Era6.E6_4,
        "49b0638502da: mbind's page walk under mmap_write_lock without the VMA lock races a VMA-locked fault");
    add("detached-check-order", DetachedCheckOrder.class, DetachedCheckOrder::new, Era6.E6_4,
        "107d21077790: vm_start/vm_end read before the detached check, while vm_rcu overlays them");
    add("reused-vma-other-mm", ReusedVmaOtherMm.class, ReusedVmaOtherMm::new, Era6.E6_15,
        "9bbffee67ffd / CVE-2025-38554: dropping a VMA recycled by another mm wakes a waiter on a freed mm");
    add("reused-vma-identity", ReusedVmaIdentity.class, ReusedVmaIdentity::new, Era6.E6_15,
        "6.15 type-stable VMAs: a reader must re-check vm_mm after locking a VMA found under RCU");
    add("map-fixed-gap", MapFixedGap.class, MapFixedGap::new, Era6.E6_4,
        "2024 MAP_FIXED gap exposure: mmap_region unmaps first, maps second; an RCU walker sees a hole",
        new Param("mm.reader", "trusting: a lockless lookup that SIGSEGVs on a hole (seed 004's design, hypothetical);"
            + " fault: the real fault with its mmap_lock fallback", List.of("trusting", "fault"), "trusting"));
    add("mm-take-all-locks", TakeAllLocks.class, TakeAllLocks::new, Era6.E6_4,
        "eeff9a5d47f8: mm_take_all_locks write-locks all VMAs before any anon_vma / i_mmap lock");
    add("mm-drop-all-locks", DropAllLocks.class, DropAllLocks::new, Era6.E6_4,
        "Jann Horn 2023: mm_drop_all_locks ended the caller's VMA write locks (vma_end_write_all)");
    add("vma-lock-protocol", VmaLockProtocol.class, VmaLockProtocol::new, Era6.E6_4,
        "per-VMA lock sanity: a VMA-locked fault against mprotect or munmap of the same VMA",
        new Param("mm.writer", "mprotect (flags and PTE) or munmap (detach and free)", List.of("mprotect", "munmap"),
            "mprotect"));
  }

  private void add(String name, Class<? extends Scenario> type, Function<Map<String, String>, Scenario> f,
      Era6 defaultEra, String description, Param... extra) {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "locking discipline (part 4)", Arrays.stream(Era6.values()).map(Era6::id).toList(),
        defaultEra.id()));
    params.add(new Param("mm.allFixes", "apply every later fix of the era's line (then mm.<knob>=false undoes one)",
        List.of("true", "false"), "false"));
    for (String knob : Discipline6.KNOBS) {
      params.add(new Param("mm." + knob, "override one knob of the era (era = as released)",
          List.of("era", "true", "false"), "era"));
    }
    params.addAll(List.of(extra));
    entries.put(name, new Entry(name, type, description, f, params));
  }

  /** All entries, in catalog order. */
  public Map<String, Entry> entries() {
    return Collections.unmodifiableMap(entries);
  }

  /** Builds the named scenario; the error lists valid names. */
  public Scenario create(String name, Map<String, String> params) {
    Entry e = entries.get(name);
    if (e == null) {
      throw new IllegalArgumentException("unknown part-4 scenario '" + name + "'; valid: " + entries.keySet());
    }
    return e.factory().apply(params);
  }

  @Override
  public List<Catalog.Entry> scenarios() {
    return entries.values().stream().map(e -> new Catalog.Entry(e.name(), e.type(), e.description(), e.params()))
        .toList();
  }
}
