package dev.mmcheck.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small config files for tests. */
final class TestFiles {

  private TestFiles() {}

  /** Writes {@code lines} (joined with newlines) to {@code dir/name}, creating folders; returns it. */
  static Path write(Path dir, String name, String... lines) {
    Path p = dir.resolve(name);
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, String.join("\n", lines) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
