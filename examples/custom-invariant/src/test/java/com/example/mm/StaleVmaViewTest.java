package com.example.mm;

import static dev.mmcheck.junit.MmcheckAssertions.assertVerified;
import static dev.mmcheck.junit.MmcheckAssertions.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.junit.JpfSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The property fires on the race and stays quiet with the fix; its parameters change what it checks. */
class StaleVmaViewTest {
  @Test
  void firesWhenMprotectShrinksTheVmaUnderAWriteFault1998() {
    Counterexample c = assertViolation(new WriteFaultVsMprotect(Map.of("mm.era", "1998")),
        List.of(new StaleVmaView(), new DeadlockFreedom()), "stale-vma-view");
    assertTrue(c.violation().message().startsWith("fault wrote mm.pte[3] with a stale view of vma.vm_end"),
        c.violation().message());
  }

  @Test
  void quietWhenMprotectTakesMmapSem() {
    assertVerified(new WriteFaultVsMprotect(Map.of("mm.era", "1998-fixed")), new StaleVmaView(),
        new DeadlockFreedom());
    assertVerified(new WriteFaultVsMprotect(Map.of("mm.era", "1998", "mm.syscallsTakeMmapSem", "true")),
        new StaleVmaView());
  }

  @Test
  void onlyTheConfiguredFieldsCount() {
    // mprotect_fixup_end writes the old VMA's vm_end, not its vm_flags (the new VMA gets the new flags)
    assertVerified(new WriteFaultVsMprotect(Map.of("mm.era", "1998")), new StaleVmaView("vm_flags", false));
    assertViolation(new WriteFaultVsMprotect(Map.of("mm.era", "1998")), List.of(new StaleVmaView("vm_end", false)),
        "stale-vma-view");
  }

  @Test
  void throughConfigsAndParamKeys() {
    assertViolation(Path.of("jpf/write-fault-vs-mprotect-1998.jpf"), "stale-vma-view");
    // kswapd unmaps (a PTE write that installs nothing): installsOnly = true leaves it out
    var o = assertVerified(Path.of("jpf/kswapd-vs-mprotect-1999-pre.jpf"), "+stale-vma-view.installsOnly=true");
    assertEquals("true", o.prepared().config().raw("stale-vma-view.installsOnly").orElseThrow());
  }

  /** Every config in jpf/ meets its expect (they reach our classes through their classpath key). */
  @TestFactory
  Stream<DynamicTest> everyConfigMeetsItsExpect() {
    return JpfSuite.dynamicTests(Path.of("jpf"));
  }
}
