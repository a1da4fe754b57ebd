package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.LockCycle;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.props.LockOrder;
import org.junit.jupiter.api.Test;

/**
 * Lock-order violations print lockdep's splat (kernel/locking/lockdep.c print_circular_bug,
 * print_circular_lock_scenario, print_deadlock_bug): pinned by golden files, text and HTML.
 */
class LockdepGoldenTest {
  static Counterexample lockOrder(dev.mmcheck.engine.Scenario s) {
    Result r = Checker.of(s).with(new LockOrder()).run();
    Result.ViolationsFound f = assertInstanceOf(Result.ViolationsFound.class, r);
    assertEquals("lock-order", f.first().violation().property());
    assertNotNull(f.first().violation().lockCycle(), "structured witness");
    return f.first();
  }

  @Test
  void abbaIsACircularDependencyWithTheCpu0Cpu1Scenario() {
    Result r = Checker.of(new GoldenScenarios.Abba()).with(new LockOrder()).run();
    Counterexample c = ((Result.ViolationsFound) r).first();
    LockCycle cycle = c.violation().lockCycle();
    assertEquals(2, cycle.chain().size());
    assertEquals(cycle.chain().get(0).to(), cycle.chain().get(1).from());
    assertEquals(cycle.chain().get(1).to(), cycle.chain().get(0).from());
    String splat = LockdepText.render(cycle);
    assertTrue(splat.contains("WARNING: possible circular locking dependency detected"), splat);
    assertTrue(splat.contains("       CPU0                    CPU1"), splat);
    Golden.check("lockdep-abba.txt", TextReport.render(r, ReportGoldenTest.options("abba, lock-order")));
    Golden.check("lockdep-abba.html", HtmlReport.render(r, ReportGoldenTest.options("abba, lock-order")));
  }

  @Test
  void aLongerChainSaysChainExistsOf() {
    Counterexample c = lockOrder(new LockdepScenarios.ThreeClasses());
    LockCycle cycle = c.violation().lockCycle();
    assertEquals(3, cycle.chain().size());
    String splat = LockdepText.render(cycle);
    assertTrue(splat.contains("Chain exists of:"), splat);
    assertTrue(splat.contains("-> #2"), splat);
    Golden.check("lockdep-chain.txt", splat);
  }

  @Test
  void nestingTwoInstancesOfAClassIsRecursiveLocking() {
    Counterexample c = lockOrder(new LockdepScenarios.Recursive());
    assertTrue(c.violation().lockCycle().recursive());
    String splat = LockdepText.render(c.violation().lockCycle());
    assertTrue(splat.contains("WARNING: possible recursive locking detected"), splat);
    assertTrue(splat.contains("May be due to missing lock nesting notation"), splat);
    Golden.check("lockdep-recursive.txt", splat);
  }
}
