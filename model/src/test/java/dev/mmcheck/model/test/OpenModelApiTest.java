package dev.mmcheck.model.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.model.Era;
import dev.mmcheck.model.Kernel;
import dev.mmcheck.model.Mmap;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Vma;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Pte26;
import dev.mmcheck.model.v26.Vma26;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * What a model author extends without copying the model (issue 11, item 4): a VMA subclass with
 * a field of its own (a scheduling point in the dependency relation, with typed event data), the
 * full 2.2 {@code vm_flags} set, PTE bits, and a part-2 mm for a discipline of one's own.
 */
class OpenModelApiTest {
  /** A VMA with one more field, as a model author's 2.4 patch might add. */
  static final class AnnotatedVma extends Vma {
    final Cell<Integer> vmPrivate = cell("vm_private_data", 0);

    AnnotatedVma(String name, MmStruct mm, int start, int end, int flags) {
      super(name, mm, start, end, 0, flags, null, null);
    }
  }

  @Test
  void aVmaSubclassFieldRacesLikeTheKernelsFieldsAndEventsNameIt() {
    Set<String> fields = ConcurrentHashMap.newKeySet();
    EventListener seen = new EventListener() {
      @Override
      public void eventExecuted(ExecutionContext ctx, Event e) {
        if (e.kind() == EventKind.WRITE || e.kind() == EventKind.READ) {
          e.owner().filter(o -> o instanceof AnnotatedVma).ifPresent(o -> fields.add(e.field().orElseThrow()));
        }
      }
    };
    Scenario s = w -> {
      MmStruct mm = new MmStruct("mm", new Kernel(), Era.E1999_PATCH.discipline(), 4);
      AnnotatedVma v = new AnnotatedVma("vma", mm, 0, 4, Vma.VM_READ | Vma.VM_WRITE | Vma.VM_MAYWRITE | Vma.VM_IO);
      Mmap.link_initial(mm, v);
      w.thread("writer", () -> v.vmPrivate.set(1));
      w.thread("reader", () -> {
        Vma found = Mmap.find_vma(mm, 2);
        Sched.check(found == v, "find_vma finds the subclass");
        Sched.check((found.vmFlags.get() & Vma.VM_IO) != 0, "VM_IO kept");
        v.vmPrivate.get();
      });
    };
    Result r = Checker.of(s).with(seen).run();
    assertInstanceOf(Result.Verified.class, r, r::toString);
    // the two orders of the write and the read of the new field, and nothing else
    assertEquals(2, r.statistics().executions(), r.statistics()::toString);
    // 2.2 find_vma tests only vm_end (addr < vm_end) on the way down the list
    assertEquals(Set.of("vm_private_data", "vm_end", "vm_flags"), fields, fields::toString);
  }

  @Test
  void theFlagSetIsThatOf22AndEachFlagHasItsOwnBit() {
    List<Integer> flags = List.of(Vma.VM_READ, Vma.VM_WRITE, Vma.VM_EXEC, Vma.VM_SHARED, Vma.VM_MAYREAD,
        Vma.VM_MAYWRITE, Vma.VM_MAYEXEC, Vma.VM_MAYSHARE, Vma.VM_GROWSDOWN, Vma.VM_GROWSUP, Vma.VM_SHM,
        Vma.VM_DENYWRITE, Vma.VM_EXECUTABLE, Vma.VM_LOCKED, Vma.VM_IO);
    int all = 0;
    for (int f : flags) {
      assertEquals(1, Integer.bitCount(f));
      assertEquals(0, all & f, "each flag its own bit");
      all |= f;
    }
    assertEquals(0x7fff, all);
  }

  @Test
  void aPart2MmForADisciplineOfOnesOwnAndPteBits() {
    Scenario s = w -> {
      Mm26 mm = new Mm26("mm", Era26.values()[0].discipline().withOverrides(java.util.Map.of()), 2);
      assertNull(mm.era);
      Inode26 file = new Inode26("inode", 2, true, true, false);
      Vma26 v = mm.mapInitial("vma", 0, 2, 0, Vma26.VM_READ | Vma26.VM_WRITE, file);
      w.thread("t", () -> {
        Sched.check(mm.find_vma(1) == v, "lookup without a named era");
        Pte26 pte = new Pte26(file.mapping.page(0), false, mm, 1);
        mm.pte(1).set(pte.mkwrite().mkdirty());
        Pte26 now = mm.pte(1).get();
        Sched.check(now.writable() && now.dirty(), "bits kept");
        Sched.check(!now.mkclean().dirty() && now.mkclean().writable(), "mkclean clears dirty only");
        Sched.check(!now.wrprotect().writable() && now.wrprotect().dirty(), "wrprotect keeps dirty");
      });
    };
    Result r = Checker.of(s).options(SearchOptions.defaults()).run();
    assertInstanceOf(Result.Verified.class, r, r::toString);
  }

  @Test
  void aCleanPteReadsAsBefore() {
    Scenario s = w -> {
      Mm26 mm = new Mm26("mm", Era26.values()[0].discipline(), 1);
      Inode26 file = new Inode26("inode", 1, true, true, false);
      w.thread("t", () -> {
        Pte26 p = new Pte26(file.mapping.page(0), true, mm, 0);
        Sched.check(!p.dirty(), "the 4-argument PTE is clean");
        Sched.check(p.toString().equals("pte->" + file.mapping.page(0).name() + "(rw)"), p.toString());
        Sched.check(p.mkdirty().toString().endsWith("(rw)(dirty)"), p.mkdirty().toString());
      });
    };
    Result r = Checker.of(s).run();
    assertInstanceOf(Result.Verified.class, r, r::toString);
  }
}
