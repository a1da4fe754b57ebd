package dev.mmcheck.junit;

import dev.mmcheck.cli.Catalogs;
import dev.mmcheck.cli.Outcome;
import dev.mmcheck.cli.Runner;
import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.JpfParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * A regression suite of {@code .jpf} files for a JUnit {@code @TestFactory}: one dynamic test
 * per file under a folder (recursively, sorted by path), which runs it as {@code mmcheck} does
 * and fails, with the full report, unless the verdict meets the file's {@code expect}. A file
 * without {@code expect} (a base file for {@code @include}) is skipped (an aborted test, shown
 * as skipped); a config error fails; a folder without {@code .jpf} files fails, so a wrong
 * path cannot pass as an empty suite.
 *
 * <pre>{@code
 * @TestFactory Stream<DynamicTest> everyConfigMeetsItsExpect() {
 *   return JpfSuite.dynamicTests(Path.of("src/test/jpf"));
 * }
 * }</pre>
 *
 * Each test's source URI is its file, so an IDE jumps to it. One {@link Runner} serves the whole
 * suite. Stateless.
 */
public final class JpfSuite {
  private JpfSuite() {}

  /**
   * One dynamic test per {@code .jpf} file under {@code folder}.
   *
   * @param overrides {@code +key=value} arguments applied to every file
   * @throws AssertionFailedError if {@code folder} is not a folder or holds no {@code .jpf} file
   */
  public static Stream<DynamicTest> dynamicTests(Path folder, String... overrides) {
    if (!Files.isDirectory(folder)) {
      throw new AssertionFailedError("no folder " + folder.toAbsolutePath());
    }
    List<Path> files;
    try (Stream<Path> s = Files.walk(folder)) {
      files = s.filter(p -> p.toString().endsWith(".jpf") && Files.isRegularFile(p)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (files.isEmpty()) {
      throw new AssertionFailedError("no .jpf files under " + folder.toAbsolutePath());
    }
    Runner runner = new Runner(Catalogs.load());
    List<String> o = List.of(overrides);
    return files.stream().map(f -> DynamicTest.dynamicTest(folder.relativize(f).toString(), f.toUri(),
        () -> check(runner, f, o)));
  }

  /** Runs one file and asserts its {@code expect}; skips a file without one. */
  static Outcome check(Runner runner, Path file, List<String> overrides) {
    try {
      Assumptions.assumeTrue(JpfParser.parse(file, overrides).get(ConfigKeys.EXPECT.name()).isPresent(),
          "no 'expect' in " + file + ": not a scenario config (a base for @include?)");
      Outcome o = runner.run(file, overrides, List.of());
      if (!o.expectationMet().orElseThrow()) {
        throw new AssertionFailedError(file + ": " + o.summary() + "\n" + o.report());
      }
      return o;
    } catch (ConfigException e) {
      throw new AssertionFailedError(e.format(), e);
    }
  }
}
