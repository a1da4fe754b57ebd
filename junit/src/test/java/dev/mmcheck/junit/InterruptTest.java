package dev.mmcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C during a long search (issue 15 item 11): the launcher's JVM gets SIGINT, prints the
 * report with the statistics so far and "interrupted", writes report.json, exits 130.
 */
class InterruptTest {
  @TempDir
  Path tmp;

  @Test
  void sigintPrintsTheReportSoFarAndExits130() throws Exception {
    Path json = tmp.resolve("report.json");
    ProcessBuilder pb = new ProcessBuilder(LauncherTest.LAUNCHER.toString(),
        "jpf-configs/examples/philosophers.jpf", "+philosophers.n=5", "+search.strategy=exhaustive",
        "+search.multiple_errors=true", "+report.json=" + json)
        .directory(LauncherTest.LAUNCHER.getParent().toFile()).redirectErrorStream(true);
    pb.environment().put("MMCHECK_NO_BUILD", "1");
    Process p = pb.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Thread reader = Thread.ofPlatform().start(() -> {
      try {
        p.getInputStream().transferTo(out);
      } catch (java.io.IOException e) {
        // process ended
      }
    });
    Thread.sleep(2500);
    new ProcessBuilder("kill", "-INT", String.valueOf(p.pid())).start().waitFor();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the search stopped after Ctrl-C");
    reader.join(5000);
    String text = out.toString(StandardCharsets.UTF_8);
    assertEquals(130, p.exitValue(), text);
    assertTrue(text.contains("interrupted"), text);
    assertTrue(text.contains("executions"), text);
    assertTrue(Files.exists(json), "report.json written: " + text);
  }
}
