package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.JpfParser;
import dev.mmcheck.config.Origin;
import dev.mmcheck.config.RawConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional {@code [<file.jpf>] [+key=value ...]} of {@code list} and {@code keys}: a config
 * whose {@code classpath} (and, for {@code keys}, whose named classes) the command should show.
 *
 * @param file the config file, or {@code null}
 * @param overrides the {@code +key=value} arguments, in order
 */
record ConfigArgs(Path file, List<String> overrides) {
  ConfigArgs {
    overrides = List.copyOf(overrides);
  }

  /** Splits the arguments. @throws ConfigException for more than one file */
  static ConfigArgs of(List<String> args) {
    Path file = null;
    List<String> overrides = new ArrayList<>();
    for (String a : args) {
      if (a.startsWith("+")) {
        overrides.add(a);
      } else if (file == null) {
        file = Path.of(a);
      } else {
        throw new ConfigException(Origin.commandLine(), "one config file at most (got " + file + " and " + a + ")");
      }
    }
    return new ConfigArgs(file, overrides);
  }

  /** The parsed config, or empty when neither a file nor overrides were given. */
  Optional<RawConfig> raw() {
    if (file == null && overrides.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JpfParser.parse(file, overrides));
  }

  /** How to name the config in headings: the file as given, or {@code command line}. */
  String display() {
    return file == null ? "command line" : file.toString();
  }
}
