/**
 * mmcheck for JUnit Jupiter tests: {@link dev.mmcheck.junit.MmcheckAssertions} checks a
 * {@code .jpf} config or a scenario with properties and fails with the counterexample trace;
 * {@link dev.mmcheck.junit.JpfSuite} turns a folder of {@code .jpf} files with {@code expect}
 * lines into one dynamic test each, for a {@code @TestFactory}. Both run exactly what the
 * {@code mmcheck} command runs ({@link dev.mmcheck.cli.Runner}), including a config's
 * {@code classpath}; classes on the test's own class path are found without it.
 *
 * <p>Maven: {@code dev.mmcheck:mmcheck-junit:0.1.0-SNAPSHOT} (test scope), after
 * {@code mvn install} in the mmcheck repository.
 */
package dev.mmcheck.junit;
