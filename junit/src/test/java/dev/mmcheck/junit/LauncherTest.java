package dev.mmcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./mmcheck} launcher through a symlink in another folder (as in {@code ~/bin}),
 * with relative and absolute links and a link to a link. Runs after cli is packaged (this module
 * depends on it), with {@code MMCHECK_NO_BUILD=1} so the launcher uses those jars and does not
 * start a nested Maven build.
 */
class LauncherTest {
  static final Path LAUNCHER = Path.of("../mmcheck").toAbsolutePath().normalize();

  @TempDir
  Path tmp;

  @Test
  void aSymlinkedLauncherFindsTheRepository() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Path abs = Files.createSymbolicLink(bin.resolve("mmcheck"), LAUNCHER);
    Path rel = Files.createSymbolicLink(bin.resolve("mm-rel"), bin.relativize(LAUNCHER));
    Path chain = Files.createSymbolicLink(tmp.resolve("mm-chain"), tmp.relativize(rel));
    for (Path link : new Path[] {abs, rel, chain}) {
      String[] r = run(link.toString(), "--version");
      assertEquals("0", r[0], link + "\n" + r[1]);
      assertTrue(r[1].contains("mmcheck 0.1.0"), link + "\n" + r[1]);
    }
    String[] list = run(abs.toString(), "list");
    assertEquals("0", list[0], list[1]);
    assertTrue(list[1].contains("kswapd-vs-mprotect"), list[1]);
  }

  private String[] run(String... cmd) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectErrorStream(true);
    pb.environment().put("MMCHECK_NO_BUILD", "1");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {String.valueOf(p.waitFor()), out};
  }
}
