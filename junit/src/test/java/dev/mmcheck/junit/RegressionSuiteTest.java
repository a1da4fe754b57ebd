package dev.mmcheck.junit;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The regression suite of all scenarios, present and future: every {@code *.jpf} under the
 * repository's {@code jpf-configs/} (recursively) runs through the same
 * {@link dev.mmcheck.cli.Runner} as the command, and its verdict must match its {@code expect}
 * ({@link JpfSuite}, the helper users get for their own folders). A file without {@code expect}
 * (a base file meant for {@code @include}) is skipped; a config error fails.
 */
class RegressionSuiteTest {
  static final Path CONFIGS = Path.of("../jpf-configs");

  @TestFactory
  Stream<DynamicTest> everyConfigMeetsItsExpectation() {
    return JpfSuite.dynamicTests(CONFIGS);
  }
}
