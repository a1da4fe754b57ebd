package dev.mmcheck.properties.test26;

import static dev.mmcheck.properties.test.Runs.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Completion;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.SleepInAtomic;
import dev.mmcheck.engine.props.UseAfterFree;
import dev.mmcheck.model.v26.Srcu;
import org.junit.jupiter.api.Test;

/**
 * The model's SRCU domain (SPF's {@code vma_srcu}): {@code call_srcu} frees only after the read
 * sections that had begun before it; readers may sleep; later readers are not waited for.
 */
class Part2SrcuTest {
  static final class Obj extends Tracked {
    Obj(String name) {
      super(name);
    }
  }

  private static Result run(boolean readerUsesAfterUnlock, boolean readerStartsLate) {
    return Checker.of(w -> {
      Srcu srcu = new Srcu("srcu");
      Obj o = new Obj("obj");
      dev.mmcheck.engine.Cell<Boolean> queued = new dev.mmcheck.engine.Cell<>("queued", false);
      Completion entered = new Completion("entered");
      w.thread("reader", () -> {
        if (readerStartsLate && !queued.get()) {
          return;                                    // only the schedules where call_srcu came first
        }
        Completion c = srcu.readLock();
        if (!readerStartsLate) {
          entered.completeAll();                     // the reader found the object before it was unpublished
        }
        o.access();
        Sched.mightSleep("I/O inside the read section");
        o.access();
        srcu.readUnlock(c);
        if (readerUsesAfterUnlock) {
          o.access();
        }
      });
      w.thread("freer", () -> {
        if (!readerStartsLate) {
          entered.waitForCompletion();
        }
        srcu.callSrcu(o);
        queued.set(true);
      });
    }).with(new UseAfterFree(), new DeadlockFreedom(), new SleepInAtomic()).run();
  }

  @Test
  void readSectionKeepsTheObjectAcrossASleep() {
    assertEquals("verified", verdict(run(false, false)));
  }

  @Test
  void useAfterTheReadSectionIsAUseAfterFree() {
    assertEquals("violation use-after-free", verdict(run(true, false)));
  }

  @Test
  void aSectionBegunAfterCallSrcuIsNotWaitedFor() {
    assertEquals("violation use-after-free", verdict(run(false, true)));
  }
}
