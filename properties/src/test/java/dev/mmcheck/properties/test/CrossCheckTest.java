package dev.mmcheck.properties.test;

import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Re-runs every verified config ({@code -Dcrosscheck.all=true}: every config) under the EXHAUSTIVE strategy (no reduction) with a time limit and prints
 * whether it agrees with the DPOR verdict in the config. {@code -Dgroups=matrix}.
 */
@Tag("matrix")
class CrossCheckTest {
  @Test
  void exhaustiveAgreesWithDpor() throws IOException {
    Files.deleteIfExists(Path.of("target/crosscheck.txt"));
    long limit = Long.getLong("crosscheck.seconds", 60);
    List<Path> files;
    try (Stream<Path> s = Files.list(JpfConfigs.dir())) {
      files = s.filter(p -> p.toString().endsWith(".jpf")).sorted().toList();
    }
    for (Path f : files) {
      Map<String, String> c = JpfConfigs.read(f);
      if (ScenarioCatalog.find(c.getOrDefault("target", "")) == null
          || (!Boolean.getBoolean("crosscheck.all") && !c.get("expect").equals("verified"))) {
        continue;
      }
      Result r = Runs.run(c.get("target"), JpfConfigs.params(c), c.get("search.properties"),
          SearchOptions.defaults().withStrategy(SearchOptions.Strategy.EXHAUSTIVE)
              .withTimeLimit(Duration.ofSeconds(limit)));
      String expect = JpfConfigs.normalise(c.get("expect"));
      String got = Runs.verdict(r);
      String tag = got.equals(expect) ? "AGREE" : got.startsWith("bound") ? "UNDECIDED" : "DISAGREE";
      String line = "CROSSCHECK " + tag + " " + f.getFileName() + ": dpor=" + expect + " exhaustive=" + got
          + " executions=" + r.statistics().executions() + " time=" + r.statistics().wallMillis() + "ms\n";
      Files.writeString(Path.of("target/crosscheck.txt"), line, java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
      System.out.println("CROSSCHECK " + tag + " " + f.getFileName() + ": dpor=" + expect + " exhaustive=" + got
          + " executions=" + r.statistics().executions() + " time=" + r.statistics().wallMillis() + "ms");
    }
  }
}
