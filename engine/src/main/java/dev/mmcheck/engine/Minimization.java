package dev.mmcheck.engine;

/**
 * How a counterexample was minimised ({@link SearchOptions#minimize()}): what the first search
 * found and what the re-searches established.
 *
 * @param mode PREEMPTIONS or LENGTH
 * @param firstPreemptions preemptions of the counterexample the search found first
 * @param firstLength events of the counterexample the search found first
 * @param searches re-searches run (one per preemption bound tried, then per depth tried)
 * @param executions executions of those re-searches together
 * @param wallMillis their wall time together
 * @param exact true if no re-search was cut by a bound other than the preemption (or, for
 *     LENGTH, depth) bound it was run with: then no counterexample of the property has fewer
 *     preemptions (and, for LENGTH, none with as many is shorter); false if one was cut, so a
 *     smaller one may exist
 */
public record Minimization(SearchOptions.Minimize mode, int firstPreemptions, int firstLength, int searches,
    long executions, long wallMillis, boolean exact) {}
