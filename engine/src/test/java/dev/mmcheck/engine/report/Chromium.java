package dev.mmcheck.engine.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium for the browser tests: finds the binary ({@code $MMCHECK_CHROMIUM}, else
 * {@code chromium}, {@code chromium-browser}, {@code google-chrome} on the {@code PATH}) and
 * runs it with a throw-away profile, no sandbox (CI runs as root), no GPU and no network
 * services.
 */
final class Chromium {
  private static final long TIMEOUT_S = 90;
  private final Path binary;
  private final Path profile;

  private Chromium(Path binary, Path profile) {
    this.binary = binary;
    this.profile = profile;
  }

  /** The browser, if one is installed; {@code profile} is a fresh folder for its user data. */
  static Optional<Chromium> find(Path profile) {
    List<String> names = new ArrayList<>();
    String env = System.getenv("MMCHECK_CHROMIUM");
    if (env != null && !env.isBlank()) {
      names.add(env);
    }
    names.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
    for (String n : names) {
      Path p = Path.of(n);
      if (p.isAbsolute() && Files.isExecutable(p)) {
        return Optional.of(new Chromium(p, profile));
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
        Path c = Path.of(dir, n);
        if (!dir.isEmpty() && Files.isExecutable(c)) {
          return Optional.of(new Chromium(c, profile));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM after the page's scripts ran ({@code --dump-dom}). */
  String dumpDom(Path html) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", html.toUri().toString()));
  }

  /** A PNG screenshot of the page at {@code width x height}. */
  void screenshot(Path html, Path png, int width, int height) throws IOException, InterruptedException {
    run(List.of("--screenshot=" + png, "--window-size=" + width + "," + height, "--hide-scrollbars",
        html.toUri().toString()));
  }

  private String run(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-dev-shm-usage", "--user-data-dir=" + profile));
    cmd.addAll(args);
    Path err = Files.createTempFile(profile.getParent(), "chromium", ".err");
    Path out = Files.createTempFile(profile.getParent(), "chromium", ".out");
    Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).redirectOutput(out.toFile()).start();
    p.getOutputStream().close();
    if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish in " + TIMEOUT_S + " s: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + cmd + "\n" + Files.readString(err));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
