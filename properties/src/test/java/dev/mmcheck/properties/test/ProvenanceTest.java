package dev.mmcheck.properties.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code jpf-configs/**}{@code /*.jpf} (part 1, {@code v26/}, {@code examples/}) carries
 * exactly one provenance line, {@code # source: <kernel version> <function(s)>; <tree, commit
 * or Message-Id>}, {@code # source: mutation: <what, of which version>} or
 * {@code # source: hypothetical: <what is invented>}, and at most one {@code # n/a: <why>}
 * line. The scenario table ({@code jpf-configs/scenario-table.py}) prints both.
 */
class ProvenanceTest {
  /** A kernel version such as 2.2.1, 2.3.21, 2.4.20, 2.6.24 or 3.5. */
  static final Pattern VERSION = Pattern.compile("(?<![\\w.])[2-6]\\.\\d+(\\.\\d+)?(?![\\w])");

  /** Why {@code line} is not a valid source text, or null if it is. */
  static String problem(String text) {
    if (text.isBlank()) {
      return "empty";
    }
    if (text.startsWith("mutation:") || text.startsWith("hypothetical:")) {
      return text.substring(text.indexOf(':') + 1).isBlank() ? "says " + text + " but not what" : null;
    }
    if (!VERSION.matcher(text).find()) {
      return "names no kernel version (e.g. 2.2.1) and is not mutation: or hypothetical:";
    }
    return null;
  }

  @Test
  void theRuleItself() {
    assertEquals(null, problem("2.2.1 do_munmap; github jur/linux-2.2.1-ps2"));
    assertEquals(null, problem("mutation: mm.bklInterlock=false, of 2.3.21 do_munmap"));
    assertEquals(null, problem("hypothetical: a driver whose swapout() sleeps first"));
    assertTrue(problem("seed 002") != null);
    assertTrue(problem("mutation:") != null);
    assertTrue(problem("linux-2 somewhere") != null);
    assertFalse(VERSION.matcher("v26/foo").find());
  }

  @TestFactory
  Stream<DynamicTest> everyConfigHasExactlyOneSourceLine() throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.walk(JpfConfigs.dir())) {
      files = s.filter(p -> p.toString().endsWith(".jpf")).sorted().toList();
    }
    assertTrue(files.size() >= 100, "expected the part-1, v26 and example configs, found " + files.size());
    return files.stream().map(f -> DynamicTest.dynamicTest(JpfConfigs.dir().relativize(f).toString(), () -> {
      List<String> lines = Files.readAllLines(f);
      List<String> sources = lines.stream().filter(l -> l.matches("#\\s*source:.*")).toList();
      assertEquals(1, sources.size(), f + ": expected exactly one '# source:' line, found " + sources);
      String text = sources.get(0).replaceFirst("#\\s*source:\\s*", "").strip();
      String why = problem(text);
      assertEquals(null, why, f + ": '# source: " + text + "': " + why);
      long na = lines.stream().filter(l -> l.matches("#\\s*n/a:.*")).count();
      assertTrue(na <= 1, f + ": more than one '# n/a:' line");
    }));
  }
}
