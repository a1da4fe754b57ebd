package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * A user's classes, as a user would have them: Java sources compiled at test time into a folder
 * that is <em>not</em> on the test's class path (so only a config's {@code classpath} can reach
 * them), optionally packed into a jar.
 */
final class UserCode {
  private UserCode() {}

  /**
   * Compiles {@code sources} (file name -> text, e.g. {@code "com/example/P.java"}) against the
   * test class path into {@code out}, and writes {@code services} (service file name -> text)
   * under {@code META-INF/services}. Returns {@code out}.
   */
  static Path compile(Path out, Map<String, String> sources, Map<String, String> services) {
    try {
      Files.createDirectories(out.getParent());
      Path src = Files.createTempDirectory(out.getParent(), "src");
      List<String> args = new ArrayList<>(List.of("-d", out.toString(), "-cp",
          System.getProperty("java.class.path"), "--release", "21", "-proc:none"));
      for (Map.Entry<String, String> e : sources.entrySet()) {
        Path f = src.resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
        args.add(f.toString());
      }
      Files.createDirectories(out);
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      int rc = javac.run(null, log, log, args.toArray(String[]::new));
      assertTrue(rc == 0, "javac failed: " + log.toString(StandardCharsets.UTF_8));
      for (Map.Entry<String, String> e : services.entrySet()) {
        Path f = out.resolve("META-INF/services").resolve(e.getKey());
        Files.createDirectories(f.getParent());
        Files.writeString(f, e.getValue(), StandardCharsets.UTF_8);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Packs the folder {@code classes} into the jar {@code jar}. Returns {@code jar}. */
  static Path jar(Path classes, Path jar) {
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        j.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
        j.write(Files.readAllBytes(f));
        j.closeEntry();
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
