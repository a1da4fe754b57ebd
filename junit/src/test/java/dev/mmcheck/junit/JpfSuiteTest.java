package dev.mmcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** The suite helper: passes, fails and skips the right files, and refuses an empty folder. */
class JpfSuiteTest {
  @TempDir
  Path tmp;

  @Test
  void oneTestPerFileThatPassesFailsOrSkips() throws Throwable {
    Files.createDirectories(tmp.resolve("sub"));
    Files.writeString(tmp.resolve("a-ok.jpf"), "target = abba\nexpect = deadlock\n");
    Files.writeString(tmp.resolve("b-wrong.jpf"), "target = abba\nexpect = verified\n");
    Files.writeString(tmp.resolve("sub/c-base.jpf"), "target = abba\n");
    Files.writeString(tmp.resolve("sub/d-bad.jpf"), "target = abbba\nexpect = verified\n");
    Files.writeString(tmp.resolve("notes.txt"), "not a config\n");
    List<DynamicTest> tests = JpfSuite.dynamicTests(tmp).toList();
    List<String> names = new ArrayList<>();
    List<String> outcomes = new ArrayList<>();
    for (DynamicTest t : tests) {
      names.add(t.getDisplayName());
      try {
        t.getExecutable().execute();
        outcomes.add("passed");
      } catch (TestAbortedException e) {
        outcomes.add("skipped");
      } catch (AssertionFailedError e) {
        outcomes.add("failed: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    assertEquals(List.of("a-ok.jpf", "b-wrong.jpf", "sub/c-base.jpf", "sub/d-bad.jpf"), names);
    assertEquals("passed", outcomes.get(0));
    assertTrue(outcomes.get(1).startsWith("failed: " + tmp.resolve("b-wrong.jpf") + ": error #1: deadlock"),
        outcomes.toString());
    assertEquals("skipped", outcomes.get(2));
    assertTrue(outcomes.get(3).startsWith("failed: error: " + tmp.resolve("sub/d-bad.jpf") + ":1: unknown scenario"),
        outcomes.toString());
    assertEquals(tmp.resolve("a-ok.jpf").toUri(), tests.get(0).getTestSourceUri().orElseThrow());
  }

  @Test
  void anEmptyOrMissingFolderFails() throws IOException {
    assertThrows(AssertionFailedError.class, () -> JpfSuite.dynamicTests(tmp));
    assertThrows(AssertionFailedError.class, () -> JpfSuite.dynamicTests(tmp.resolve("nowhere")));
  }
}
