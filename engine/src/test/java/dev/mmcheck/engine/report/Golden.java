package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files (Lincheck-style): {@code src/test/resources/golden/<name>} holds the expected
 * output. Run with {@code -Dmmcheck.regenGolden=true} (or {@code src/test/regen-golden.sh}) to
 * rewrite them from the current output, then review the diff with {@code git diff}.
 */
final class Golden {
  static final Path DIR = Path.of("src/test/resources/golden");

  private Golden() {}

  static void check(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("mmcheck.regenGolden")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        throw new AssertionError("missing golden file " + file.toAbsolutePath()
            + "; create it with src/test/regen-golden.sh and review it");
      }
      assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual,
          "output differs from golden file " + file + " (regenerate with src/test/regen-golden.sh if intended)");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
