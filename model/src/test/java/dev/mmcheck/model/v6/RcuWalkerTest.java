package dev.mmcheck.model.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.RwSemaphore;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.engine.props.UseAfterFree;
import org.junit.jupiter.api.Test;

/**
 * The engine bullet: "readers that are not in an RCU read section while holding another
 * lock, as in StackRot, must be expressible with the existing Rcu primitive". They are: a walker
 * that holds an rwsem for read but no RCU read section keeps a node pointer across two reads; an
 * updater holding the same rwsem for read replaces the node and {@code call_rcu}s the old one;
 * the grace period does not wait for the walker (its snapshot is empty), so the free can land
 * between the walker's reads. Written with engine primitives only, then checked with DPOR and
 * the unreduced search.
 */
class RcuWalkerTest {
  static final class Node extends Tracked {
    final Cell<Integer> slot = cell("slot", 0);

    Node(String name) {
      super(name);
    }
  }

  /** {@code walkerInRcu}: the walker also takes rcu_read_lock; {@code updaterWrites}: the updater takes the rwsem for write. */
  static Scenario stackRotShape(boolean walkerInRcu, boolean updaterWrites) {
    return w -> {
      Rcu rcu = new Rcu("rcu");
      RwSemaphore mmapLock = new RwSemaphore("mm.mmap_lock", "mmap_lock");
      Cell<Node> root = new Cell<>("mm.mm_mt", new Node("node0"));
      w.thread("walker", () -> {
        mmapLock.downRead();
        if (walkerInRcu) {
          rcu.readLock();
        }
        Node n = root.get();          // mas_walk: rcu_dereference of the root
        n.slot.get();                 // the first read of the node
        n.slot.get();                 // mas_prev: the same node again
        if (walkerInRcu) {
          rcu.readUnlock();
        }
        mmapLock.upRead();
      });
      w.thread("updater", () -> {
        if (updaterWrites) {
          mmapLock.downWrite();
        } else {
          mmapLock.downRead();
        }
        Node old = root.get();
        root.set(new Node("node1"));  // mas_replace
        rcu.callRcu(old);             // ma_free_rcu
        if (updaterWrites) {
          mmapLock.upWrite();
        } else {
          mmapLock.upRead();
        }
      });
    };
  }

  private static String verdict(Scenario s, SearchOptions.Strategy st) {
    Result r = Checker.of(s).with(new UseAfterFree()).options(SearchOptions.defaults().withStrategy(st)).run();
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> f.first().violation().property();
      case Result.BoundReached b -> "bound";
      case Result.ModelError e -> "model error: " + e.message();
    };
  }

  @Test
  void aReaderUnderTheLockButOutsideRcuSeesTheNodeFreed() {
    for (SearchOptions.Strategy st : SearchOptions.Strategy.values()) {
      assertEquals("use-after-free", verdict(stackRotShape(false, false), st), st.toString());
    }
  }

  @Test
  void inAReadSectionTheGracePeriodWaits() {
    for (SearchOptions.Strategy st : SearchOptions.Strategy.values()) {
      assertEquals("verified", verdict(stackRotShape(true, false), st), st.toString());
    }
  }

  @Test
  void anUpdaterHoldingTheLockForWriteExcludesTheWalker() {
    for (SearchOptions.Strategy st : SearchOptions.Strategy.values()) {
      assertEquals("verified", verdict(stackRotShape(false, true), st), st.toString());
    }
  }

  @Test
  void theModelsMapleTreeShowsTheSameWithTheStackRotScenario() {
    Result r = Checker.of(new dev.mmcheck.model.v6.scenario.StackRot(java.util.Map.of("mm.era", "6.1")))
        .with(new UseAfterFree()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
  }
}
