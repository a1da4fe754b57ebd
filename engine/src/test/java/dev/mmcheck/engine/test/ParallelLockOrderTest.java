package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.props.LockOrder;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.RepeatedTest;

/**
 * {@code lock-order}'s class graph spans the whole search on every worker of a parallel
 * search: a cycle whose two edges are seen in different executions, run by different workers,
 * is found. One thread takes A then B in one branch of a {@code choose} and B then A in the
 * other, so no execution deadlocks and only the graph can see the cycle. Every execution start
 * is slowed down, so the idle worker claims the second branch while the first worker is still
 * busy with the first. The test checks that the two executions did run on two workers (one
 * listener instance each; it is skipped, saying so, if the machine still let one worker run
 * both); with a per-worker graph it then fails.
 */
class ParallelLockOrderTest {
  @RepeatedTest(3)
  void aCycleSplitAcrossWorkersIsFound() {
    Scenario s = w -> {
      Mutex a = new Mutex("A");
      Mutex b = new Mutex("B");
      w.thread("t", () -> {
        Mutex first = Sched.choose(2) == 0 ? a : b;
        Mutex second = first == a ? b : a;
        first.lock();
        second.lock();
        second.unlock();
        first.unlock();
      });
    };
    Set<Object> workers = ConcurrentHashMap.newKeySet();
    java.util.function.Supplier<ExecutionListener> slow = () -> new ExecutionListener() {
      @Override
      public void executionStarted(ExecutionContext ctx) {
        workers.add(this);
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    };
    Result r = Checker.of(s).withListenerFactory(() -> List.<Listener>of(new LockOrder(), slow.get()))
        .options(SearchOptions.defaults().withWorkers(2).withStrategy(SearchOptions.Strategy.EXHAUSTIVE)).run();
    org.junit.jupiter.api.Assumptions.assumeTrue(workers.size() == 2, "both executions ran on one worker");
    Outcomes.violation(r, "lock-order");
    assertEquals(2, r.statistics().executions(), r::toString);
  }
}
