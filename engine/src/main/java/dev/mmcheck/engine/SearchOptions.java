package dev.mmcheck.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * Search settings. Immutable; build with {@link #defaults()} and the {@code with*} methods.
 *
 * @param strategy DPOR (optimal, the default), SOURCE_DPOR, or EXHAUSTIVE (no reduction; for
 *     testing the reductions)
 * @param maxExecutions stop after this many executions; 0 = unbounded
 * @param timeLimit stop after this wall time; {@link Duration#ZERO} = unbounded
 * @param depthLimit maximum events per execution (guards model loops); must be positive
 * @param preemptionBound maximum preemptive context switches per execution; -1 = unbounded
 * @param multipleErrors continue after a violation and report each distinct one
 * @param stallTimeout how much CPU time a model thread may use without reaching a scheduling
 *     point before the search is stopped as a model error (an infinite loop in plain Java code)
 * @param spinLimit identical busy-wait iterations (the same reads, the same values, no write by
 *     another thread) after which an execution ends with a livelock violation; 0 = never
 * @param workers the unreduced search ({@link Strategy#EXHAUSTIVE}) runs on this many workers
 *     in parallel (1 = sequential); DPOR always runs on one. See {@link Checker#listeners} for
 *     how listeners are made per worker
 * @param minimize what to minimise after a violation is found ({@link Minimize}); NONE = report
 *     the first counterexample found
 * @param subtree explore only the executions of the exhaustive search that start with these
 *     decisions (a schedule prefix, e.g. from {@link Checker#split}); empty = the whole search.
 *     Only with {@link Strategy#EXHAUSTIVE} on one worker: DPOR's race analysis reverses races
 *     across any prefix, so its search cannot be cut into independent subtrees
 */
public record SearchOptions(Strategy strategy, long maxExecutions, Duration timeLimit, int depthLimit,
    int preemptionBound, boolean multipleErrors, Duration stallTimeout, int spinLimit, int workers,
    Minimize minimize, java.util.List<Decision> subtree) {

  /** Exploration strategies. */
  public enum Strategy {
    /** Optimal DPOR with wakeup trees: one execution per Mazurkiewicz trace (the default). */
    DPOR,
    /** Source-DPOR with sleep sets: may also run sleep-set-blocked executions. */
    SOURCE_DPOR,
    /** No reduction: every interleaving (a reference for testing the reductions). */
    EXHAUSTIVE
  }

  /**
   * Counterexample minimisation ({@code search.minimize}), done by {@link Checker#run} after the
   * search found a violation: for each violated property, re-search with iterative preemption
   * bounding (bound 0, 1, 2, ... below the first counterexample's preemptions, as CHESS's
   * iterative context bounding does; each bounded search is exhaustive, without reduction,
   * so that "no counterexample within bound b" is exact), and report the counterexample with the
   * fewest preemptions ({@link Counterexample#minimization()} says what was searched).
   */
  public enum Minimize {
    /** Report the first counterexample found (the default). */
    NONE,
    /** The fewest preemptions. */
    PREEMPTIONS,
    /** The fewest preemptions, then the shortest trace with that many. */
    LENGTH
  }

  public SearchOptions {
    Objects.requireNonNull(strategy);
    Objects.requireNonNull(minimize);
    Objects.requireNonNull(timeLimit);
    Objects.requireNonNull(stallTimeout);
    subtree = java.util.List.copyOf(subtree);
    if (maxExecutions < 0 || depthLimit <= 0 || preemptionBound < -1 || spinLimit < 0 || workers < 1
        || workers > Execution.MAX_THREADS) {
      throw new IllegalArgumentException("bad search options: max executions " + maxExecutions + ", depth limit "
          + depthLimit + ", preemption bound " + preemptionBound + ", spin limit " + spinLimit + ", workers " + workers);
    }
  }

  public static SearchOptions defaults() {
    return new SearchOptions(Strategy.DPOR, 0, Duration.ZERO, 10_000, -1, false, Duration.ofSeconds(10), 64, 1,
        Minimize.NONE, java.util.List.of());
  }

  public SearchOptions withStrategy(Strategy s) {
    return new SearchOptions(s, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withMaxExecutions(long n) {
    return new SearchOptions(strategy, n, timeLimit, depthLimit, preemptionBound, multipleErrors, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withTimeLimit(Duration d) {
    return new SearchOptions(strategy, maxExecutions, d, depthLimit, preemptionBound, multipleErrors, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withDepthLimit(int n) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, n, preemptionBound, multipleErrors, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withPreemptionBound(int n) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, n, multipleErrors, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withMultipleErrors(boolean b) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, b, stallTimeout,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withStallTimeout(Duration d) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors, d,
        spinLimit, workers, minimize, subtree);
  }

  public SearchOptions withSpinLimit(int n) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors,
        stallTimeout, n, workers, minimize, subtree);
  }

  public SearchOptions withWorkers(int n) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors,
        stallTimeout, spinLimit, n, minimize, subtree);
  }

  public SearchOptions withMinimize(Minimize m) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors,
        stallTimeout, spinLimit, workers, m, subtree);
  }

  /**
   * Only the executions that start with {@code prefix} ({@link #subtree()}); empty = all. The
   * strategy and worker count are checked when the search starts ({@link Checker#run}). A
   * subtree search refuses {@link ExecutionContext#searchShared} (the listener that asks fails,
   * a model error naming the key): state meant to span every execution of the search would be
   * checked on this subtree's only.
   */
  public SearchOptions withSubtree(java.util.List<Decision> prefix) {
    return new SearchOptions(strategy, maxExecutions, timeLimit, depthLimit, preemptionBound, multipleErrors,
        stallTimeout, spinLimit, workers, minimize, prefix);
  }
}
