package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.JpfParser;
import dev.mmcheck.engine.report.TextReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The regression suite of all scenarios, present and future: every {@code *.jpf} under the
 * repository's {@code jpf-configs/} (recursively) runs through the same {@link Runner} as the
 * command, and its verdict must match its {@code expect}. A file without {@code expect} (a base
 * file meant for {@code @include}) is skipped; a config error fails.
 */
class RegressionSuiteTest {
  static final Path CONFIGS = Path.of("../jpf-configs");

  @TestFactory
  Stream<DynamicTest> everyConfigMeetsItsExpectation() throws IOException {
    assertTrue(Files.isDirectory(CONFIGS), "no folder " + CONFIGS.toAbsolutePath());
    Runner runner = new Runner(Catalogs.load());
    List<Path> files;
    try (Stream<Path> s = Files.walk(CONFIGS)) {
      files = s.filter(p -> p.toString().endsWith(".jpf")).sorted().toList();
    }
    assertTrue(!files.isEmpty(), "no .jpf files under " + CONFIGS.toAbsolutePath());
    return files.stream().map(f -> DynamicTest.dynamicTest(CONFIGS.relativize(f).toString(), f.toUri(),
        () -> check(runner, f)));
  }

  private static void check(Runner runner, Path file) {
    try {
      Assumptions.assumeTrue(JpfParser.parse(file).get(ConfigKeys.EXPECT.name()).isPresent(),
          "no 'expect' in " + file + ": not a scenario config (a base for @include?)");
      Outcome o = runner.run(file, List.of(), List.of());
      if (!o.expectationMet().orElseThrow()) {
        fail(file + ": " + o.summary() + "\n"
            + TextReport.render(o.result(), ReportWriter.options(o.prepared())));
      }
    } catch (ConfigException e) {
      fail(e.format());
    }
  }
}
