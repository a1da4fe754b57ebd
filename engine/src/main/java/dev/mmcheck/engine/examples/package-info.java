/**
 * Small engine-only example scenarios, registered by {@link
 * dev.mmcheck.engine.examples.ExamplesCatalog} under short names ({@code abba},
 * {@code abba-ordered}, {@code uaf}, {@code uaf-locked}, {@code philosophers}). They exist so
 * that {@code jpf-configs/examples/}, the {@code mmcheck} command and its regression suite can
 * be exercised without the mm model, and as templates for model authors: each is a complete
 * {@link dev.mmcheck.engine.Scenario} of a few lines.
 */
package dev.mmcheck.engine.examples;
