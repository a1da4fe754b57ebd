package dev.mmcheck.properties.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Result;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every part-1 {@code jpf-configs/*.jpf} (those whose target is in {@link ScenarioCatalog})
 * and checks its {@code expect}, until the CLI's regression suite does the same.
 */
class JpfConfigTest {
  @TestFactory
  Stream<DynamicTest> everyConfigMeetsItsExpectation() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(JpfConfigs.dir())) {
      files = s.filter(p -> p.toString().endsWith(".jpf")).sorted().toList();
    }
    List<DynamicTest> tests = new java.util.ArrayList<>();
    for (Path f : files) {
      Map<String, String> c = JpfConfigs.read(f);
      if (ScenarioCatalog.find(c.getOrDefault("target", "")) == null) {
        continue;
      }
      tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
        Result r = Runs.run(c.get("target"), JpfConfigs.params(c), c.get("search.properties"), JpfConfigs.options(c));
        assertEquals(JpfConfigs.normalise(c.get("expect")), Runs.verdict(r), f.getFileName().toString());
      }));
    }
    assertTrue(tests.size() >= 50, "expected at least 50 part-1 configs, found " + tests.size());
    return tests.stream();
  }
}
