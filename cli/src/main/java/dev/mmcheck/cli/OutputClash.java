package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.JpfParser;
import dev.mmcheck.config.Key;
import dev.mmcheck.config.RawConfig;
import dev.mmcheck.config.RawValue;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several configs in one command must not write the same report file: with
 * {@code mmcheck a.jpf b.jpf +report.json=cex.json} the second run would silently overwrite the
 * first one's counterexample. {@link #check} refuses that before anything runs (exit 2), naming
 * both configs and the line or override that sets the file, and suggests
 * {@code ${config_name}}, which gives each config its own name. Stateless.
 */
final class OutputClash {
  private static final List<Key<String>> FILES = List.of(ConfigKeys.REPORT_JSON, ConfigKeys.REPORT_HTML);

  private OutputClash() {}

  /**
   * @param files the configs of one command, in order (no {@code null})
   * @param overrides the overrides applied to each
   * @throws ConfigException if two of them would write one file; a config that does not parse
   *     is skipped here (its run reports the problem)
   */
  static void check(List<Path> files, List<String> overrides) {
    Map<Path, Path> writtenBy = new HashMap<>();
    for (Path file : files) {
      RawConfig raw;
      try {
        raw = JpfParser.parse(file, overrides);
      } catch (ConfigException e) {
        continue;
      }
      for (Key<String> key : FILES) {
        RawValue rv = raw.get(key.name()).orElse(null);
        if (rv == null || rv.text().isBlank()) {
          continue;
        }
        Path out = Path.of(rv.text()).toAbsolutePath().normalize();
        Path before = writtenBy.putIfAbsent(out, file);
        if (before != null && !before.equals(file)) {
          throw new ConfigException(rv.origin(), key.name() + ": " + rv.text() + " would be written by the runs of both "
              + before + " and " + file + ": the second would overwrite the first",
              "give each config its own file, e.g. +" + key.name() + "=mmcheck-out/${config_name}."
                  + (key == ConfigKeys.REPORT_JSON ? "json" : "html") + " (${config_name} is the config's file name)");
        }
      }
    }
  }
}
