package dev.mmcheck.model.v6;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.props.UseAfterFree;
import org.junit.jupiter.api.Test;

/** {@link Kernel6#vm_area_alloc} / {@link Kernel6#vm_area_free} per era: recycling (6.15), the vm_rcu overlay (6.4). */
class TypeStableVmaTest {
  @Test
  void a615VmaIsRecycledWithTheNextGenerationAndItsFieldsRewritten() {
    Result r = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_15, Era6.E6_15.discipline());
      Mm6 a = new Mm6(k, "A", 2, false, null);
      Mm6 b = new Mm6(k, "B", 2, false, null);
      w.thread("t", () -> {
        Vma6 v = k.vm_area_alloc(a, "v", 0, 1, Vma6.VM_READ, null, null);
        Sched.check(v.generation() == 0 && v.typeStable(), "fresh, from the typesafe cache");
        k.vm_area_free(v);
        v.vmStart.get();                               // valid memory: not a use after free
        Vma6 again = k.vm_area_alloc(b, "w", 1, 2, Vma6.VM_WRITE, null, null);
        Sched.check(again == v && again.generation() == 1, "the same object, next generation");
        Sched.check(again.vmMm.get() == b && again.vmStart.get() == 1 && again.vmFlags.get() == Vma6.VM_WRITE,
            "reinitialised for its new mm");
        Sched.check(again.vmRefcnt.get() == 0, "detached until vma_mark_attached");
      });
    }).with(new UseAfterFree()).run();
    assertInstanceOf(Result.Verified.class, r, r.toString());
  }

  @Test
  void a64VmaIsFreedAfterAGracePeriodWithItsRcuHeadOverVmStart() {
    Result r = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_4, Era6.E6_4.discipline());
      Mm6 a = new Mm6(k, "A", 2, false, null);
      Vma6 v = a.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("t", () -> {
        k.rcu.readLock();
        k.vm_area_free(v);
        Sched.check(v.vmStart.get() == Vma6.RCU_HEAD && v.vmEnd.get() == Vma6.RCU_HEAD, "union with vm_rcu");
        k.rcu.readUnlock();
      });
    }).with(new UseAfterFree()).run();
    assertInstanceOf(Result.Verified.class, r, r.toString());
  }

  @Test
  void a64VmaUsedAfterTheGracePeriodIsAUseAfterFree() {
    Result r = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_4, Era6.E6_4.discipline());
      Mm6 a = new Mm6(k, "A", 2, false, null);
      Vma6 v = a.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("t", () -> {
        k.vm_area_free(v);
        v.vmFlags.get();
      });
    }).with(new UseAfterFree()).run();
    assertInstanceOf(Result.ViolationsFound.class, r, r.toString());
  }
}
