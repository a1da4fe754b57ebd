package dev.mmcheck.properties.test3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import dev.mmcheck.properties.test.Runs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Seed 003, step 1 (Laurent Dufour, "[RFC 4/4] Change mmap_sem to range lock": "replace any
 * locking (read or write) by complete range locking. So there is no functional change"): every
 * 2.6 scenario ({@code jpf-configs/v26/*.jpf}) run once with the rw_semaphore {@code mmap_sem}
 * and once with {@code mmap_sem} replaced by a full-range {@code RangeLock}
 * ({@code mm.mmapSem=full-range}, {@link dev.mmcheck.model.lock.FullRangeRwSem}) gives the same
 * verdict with the same number of executions: every config that verifies with the rwsem
 * verifies with the range lock, and every counterexample is found after as many executions.
 * That includes {@code recursive-mmap-read-nested}, which takes mmap_sem for read twice with a
 * writer queued in between: the range lock deadlocks there as the rwsem does (Bueso's nested
 * reader waits for the queued writer).
 */
class FullRangeStepOneTest {
  static Path configs() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("jpf-configs/v26"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no jpf-configs/v26 above " + Path.of("").toAbsolutePath());
    }
    return p.resolve("jpf-configs/v26");
  }

  /** key = value lines of a config (comments skipped). */
  static Map<String, String> read(Path f) throws IOException {
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : Files.readAllLines(f)) {
      String l = line.strip();
      if (!l.isEmpty() && !l.startsWith("#") && l.contains("=")) {
        int eq = l.indexOf('=');
        m.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
      }
    }
    return m;
  }

  static Result run(Map<String, String> c, boolean fullRange) {
    Map<String, String> params = new LinkedHashMap<>();
    c.forEach((k, v) -> {
      if (!k.equals("target") && !k.startsWith("search.") && !k.equals("expect")) {
        params.put(k, v);
      }
    });
    if (fullRange) {
      params.put("mm.mmapSem", "full-range");
    }
    return Checker.of(ScenarioCatalog.create(c.get("target"), params)).with(Runs.props(c.get("search.properties")))
        .options(Runs.OPTIONS).run();
  }

  @TestFactory
  Stream<DynamicTest> everyV26ScenarioBehavesTheSameWithAFullRangeLock() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(configs())) {
      files = s.filter(p -> p.toString().endsWith(".jpf")).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    int verified = 0;
    for (Path f : files) {
      Map<String, String> c = read(f);
      if (ScenarioCatalog.find(c.getOrDefault("target", "")) == null || !c.containsKey("expect")) {
        continue;
      }
      verified += c.get("expect").equals("verified") ? 1 : 0;
      tests.add(DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
        Result rw = run(c, false);
        Result range = run(c, true);
        System.out.printf("STEP1 %-50s rwsem: %-40s %6d executions   full range: %-40s %6d executions%n",
            f.getFileName(), Runs.verdict(rw), rw.statistics().executions(), Runs.verdict(range),
            range.statistics().executions());
        assertEquals(Runs.verdict(rw), Runs.verdict(range), f.getFileName() + ": verdict");
        assertEquals(rw.statistics().executions(), range.statistics().executions(), f.getFileName() + ": executions");
      }));
    }
    assertTrue(verified >= 10, "expected at least 10 verified v26 configs, found " + verified);
    return tests.stream();
  }
}
