package dev.mmcheck.properties.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the subset of the .jpf format the part-1 configs use: comments, key = value. */
final class JpfConfigs {
  private JpfConfigs() {}

  /** The jpf-configs directory of the checkout (tests run in a module directory). */
  static Path dir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("jpf-configs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no jpf-configs directory above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("jpf-configs");
  }

  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      m.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
    }
    return m;
  }

  /** The scenario parameters of a config: every key that is not target/search/expect. */
  static Map<String, String> params(Map<String, String> config) {
    Map<String, String> p = new LinkedHashMap<>();
    config.forEach((k, v) -> {
      if (!k.equals("target") && !k.startsWith("search.") && !k.equals("expect")) {
        p.put(k, v);
      }
    });
    return p;
  }

  /**
   * The search options a config asks for: {@link Runs#OPTIONS} with its
   * {@code search.strategy} and {@code search.preemption_bound}, if set.
   */
  static dev.mmcheck.engine.SearchOptions options(Map<String, String> config) {
    dev.mmcheck.engine.SearchOptions o = Runs.OPTIONS;
    String strategy = config.get("search.strategy");
    if (strategy != null) {
      o = o.withStrategy(dev.mmcheck.engine.SearchOptions.Strategy.valueOf(strategy.toUpperCase(java.util.Locale.ROOT)));
    }
    String pb = config.get("search.preemption_bound");
    if (pb != null) {
      o = o.withPreemptionBound(Integer.parseInt(pb));
    }
    return o;
  }

  /** {@code expect = deadlock} is short for {@code violation deadlock}. */
  static String normalise(String expect) {
    return expect.equals("deadlock") ? "violation deadlock" : expect;
  }
}
