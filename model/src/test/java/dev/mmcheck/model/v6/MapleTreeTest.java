package dev.mmcheck.model.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's maple tree: store shapes, in-place vs replacing stores, RCU freeing of replaced nodes. */
class MapleTreeTest {
  @Test
  void storeSplitsAndMergesSlots() {
    List<Slot> empty = List.of(new Slot(0, MapleTree.MAX, null));
    List<Slot> one = MapleTree.store(empty, 4, 6, null);
    assertEquals(empty, one, "storing a gap into a gap changes nothing");
    assertEquals("[[0,16)gap]", one.toString());
  }

  @Test
  void pivotMovesAreInPlaceAndRemovedSlotsReplaceTheNode() {
    Result stores = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_1, Era6.E6_1.discipline());
      Mm6 mm = new Mm6(k, "mm", 8, false, null);
      Vma6 a = mm.mapInitial("a", 0, 1, Vma6.VM_READ, null, null);
      Vma6 s = mm.mapInitial("s", 4, 6, Vma6.VM_READ | Vma6.VM_GROWSDOWN, null, null);
      w.thread("t", () -> {
        MapleNode n0 = mm.mt.root.get();
        mm.mt.mas_store(3, 6, s);                                 // gap [1,4) -> [1,3): a pivot moves
        Sched.check(mm.mt.root.get() == n0, "in place");
        mm.mt.mas_store(1, 6, s);                                 // the gap disappears: new node
        MapleNode n1 = mm.mt.root.get();
        Sched.check(n1 != n0, "replaced");
        Sched.check(mm.mt.vma_lookup(1) == s && mm.mt.vma_lookup(0) == a && mm.mt.vma_lookup(6) == null,
            "contents after the stores");
      });
    }).with(new UseAfterFree()).run();
    assertInstanceOf(Result.Verified.class, stores, stores.toString());
    Result r = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_1, Era6.E6_1.discipline());
      Mm6 mm = new Mm6(k, "mm", 8, false, null);
      mm.mapInitial("a", 0, 1, Vma6.VM_READ, null, null);
      Vma6 s = mm.mapInitial("s", 4, 6, Vma6.VM_READ, null, null);
      w.thread("t", () -> {
        MapleNode n0 = mm.mt.root.get();
        mm.mt.mas_store(1, 6, s);
        Sched.check(!n0.isFreed(), "freed only after a grace period (by the rcu_cb helper)");
      });
    }).with(new UseAfterFree()).run();
    assertInstanceOf(Result.Verified.class, r, r.toString());
  }

  @Test
  void findVmaAndPrevFollowTheKernelDefinitions() {
    Result r = Checker.of(w -> {
      Kernel6 k = new Kernel6(Era6.E6_1, Era6.E6_1.discipline());
      Mm6 mm = new Mm6(k, "mm", 8, false, null);
      Vma6 a = mm.mapInitial("a", 0, 2, Vma6.VM_READ, null, null);
      Vma6 s = mm.mapInitial("s", 4, 6, Vma6.VM_READ, null, null);
      w.thread("t", () -> {
        Sched.check(mm.mt.find_vma(2) == s, "find_vma: first VMA ending above the address");
        Sched.check(mm.mt.find_vma(6) == null, "nothing above");
        MaState mas = new MaState(mm.mt, 5);
        Sched.check(mm.mt.mas_walk(mas) == s && mm.mt.mas_prev(mas) == a, "find_vma_prev");
        Sched.check(mm.mt.peekAt(3) == null && mm.mt.peekContains(a), "ghost views");
      });
    }).run();
    assertInstanceOf(Result.Verified.class, r, r.toString());
  }

  @Test
  void sameShapeComparesEntriesNotBoundaries() {
    List<Slot> a = List.of(new Slot(0, 2, null), new Slot(2, 16, null));
    List<Slot> b = List.of(new Slot(0, 3, null), new Slot(3, 16, null));
    assertTrue(MapleTree.sameShape(a, b));
    assertFalse(MapleTree.sameShape(a, List.of(new Slot(0, 16, null))));
  }
}
