package dev.mmcheck.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The untyped result of reading a {@code .jpf} file with its includes and command-line overrides:
 * key -> {@link RawValue}, in first-definition order. Immutable. Keys are not validated yet; see
 * {@link Config#validate}.
 */
public final class RawConfig {

  private final Path rootFile;
  private final SequencedMap<String, RawValue> values;

  /**
   * @param rootFile the file given on the command line, or {@code null} if only overrides were given
   * @param values copied
   */
  RawConfig(Path rootFile, Map<String, RawValue> values) {
    this.rootFile = rootFile;
    this.values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
  }

  /** The top-level file, if any. */
  public Optional<Path> rootFile() {
    return Optional.ofNullable(rootFile);
  }

  /** The value of {@code key}, if set. */
  public Optional<RawValue> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** All values, unmodifiable, in first-definition order. */
  public SequencedMap<String, RawValue> values() {
    return values;
  }

  /** Where this configuration as a whole comes from (the root file, else the command line). */
  public Origin origin() {
    return rootFile == null ? Origin.commandLine() : Origin.of(rootFile);
  }

  @Override
  public String toString() {
    return "RawConfig" + values;
  }
}
