package dev.mmcheck.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's start-up cache (issue 13.6), in a copy of the repository layout the launcher
 * needs (the script, the built jars, the training config), so no build is started: the cache is
 * made once, used afterwards without a word, made again when a jar changes, and never made with
 * {@code MMCHECK_AOT=0} or {@code MMCHECK_NO_BUILD=1}.
 */
class LauncherCacheTest {
  static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @TempDir
  Path root;

  private Path lib;

  private void layout() throws IOException {
    Files.copy(REPO.resolve("mmcheck"), root.resolve("mmcheck"));
    root.resolve("mmcheck").toFile().setExecutable(true);
    Path target = Files.createDirectories(root.resolve("cli/target"));
    lib = Files.createDirectories(target.resolve("lib"));
    try (Stream<Path> jars = Files.list(REPO.resolve("cli/target"))) {
      for (Path j : jars.filter(p -> p.getFileName().toString().matches("mmcheck-cli-.*(?<!-sources|-javadoc|-tests)\\.jar"))
          .toList()) {
        Files.copy(j, target.resolve(j.getFileName()));
      }
    }
    try (Stream<Path> jars = Files.list(REPO.resolve("cli/target/lib"))) {
      for (Path j : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
        Files.copy(j, lib.resolve(j.getFileName()));
      }
    }
    Files.createFile(lib.resolve(".mmcheck-built"));
    Path ex = Files.createDirectories(root.resolve("jpf-configs/examples"));
    Files.copy(REPO.resolve("jpf-configs/examples/abba.jpf"), ex.resolve("abba.jpf"));
  }

  private List<Path> caches() throws IOException {
    try (Stream<Path> s = Files.list(root.resolve("cli/target"))) {
      return s.filter(p -> p.getFileName().toString().matches("mmcheck-jdk\\d+\\.(aot|jsa)")).toList();
    }
  }

  private String[] run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new java.util.ArrayList<>(List.of(root.resolve("mmcheck").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(root.toFile()).redirectErrorStream(true);
    pb.environment().remove("MMCHECK_NO_BUILD");
    pb.environment().remove("MMCHECK_AOT");
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    return new String[] {String.valueOf(p.waitFor()), out};
  }

  @Test
  void theCacheIsMadeOnceUsedSilentlyAndRemadeWhenAJarChanges() throws Exception {
    layout();
    String[] off = run(Map.of("MMCHECK_AOT", "0"), "--version");
    assertEquals("0", off[0], off[1]);
    assertTrue(caches().isEmpty(), "MMCHECK_AOT=0 makes no cache");
    String[] noBuild = run(Map.of("MMCHECK_NO_BUILD", "1"), "--version");
    assertEquals("mmcheck 0.1.0", noBuild[1].strip(), noBuild[1]);
    assertTrue(caches().isEmpty(), "MMCHECK_NO_BUILD=1 makes no cache");

    String[] first = run(Map.of(), "--version");
    assertEquals("0", first[0], first[1]);
    assertTrue(first[1].contains("making the start-up cache"), first[1]);
    assertTrue(first[1].contains("mmcheck 0.1.0"), first[1]);
    assertEquals(1, caches().size(), "one cache for the JDK 21+ the launcher found: " + caches());
    Path cache = caches().get(0);
    FileTime made = Files.getLastModifiedTime(cache);

    String[] second = run(Map.of(), "--version");
    assertEquals("mmcheck 0.1.0", second[1].strip(), "silent with the cache: " + second[1]);
    String[] check = run(Map.of(), "jpf-configs/examples/abba.jpf");
    assertEquals("1", check[0], check[1]); // the deadlock, as without a cache
    assertTrue(check[1].contains("deadlock"), check[1]);
    assertFalse(check[1].contains("making the start-up cache"), check[1]);
    assertEquals(made, Files.getLastModifiedTime(cache));

    Path aJar;
    try (Stream<Path> s = Files.list(lib)) {
      aJar = s.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
    }
    Files.setLastModifiedTime(aJar, FileTime.fromMillis(made.toMillis() + 2_000));
    String[] after = run(Map.of(), "--version");
    assertTrue(after[1].contains("making the start-up cache"), "a newer jar remakes it: " + after[1]);
    assertTrue(Files.getLastModifiedTime(cache).compareTo(made) > 0);
    assertEquals("mmcheck 0.1.0", run(Map.of("MMCHECK_NO_BUILD", "1"), "--version")[1].strip());
  }
}
