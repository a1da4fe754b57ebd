package dev.mmcheck.bench;

import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.examples.LongTrace;
import dev.mmcheck.engine.report.HtmlReport;
import dev.mmcheck.engine.report.ReportOptions;
import dev.mmcheck.engine.report.ResultJson;
import dev.mmcheck.engine.report.SourceLines;
import dev.mmcheck.engine.report.TextReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report sizes and render times at scale: counterexamples of about 100, 1,000 and 3,000
 * events ({@link LongTrace}), rendered to HTML, text and JSON. Prints, per size: the page
 * size, the median Java render time, and, when a Chromium is on the PATH (or
 * {@code $MMCHECK_CHROMIUM}), the median wall time of {@code chromium --headless --dump-dom}
 * (start-up, parse, layout, script) and the page's own script set-up time
 * ({@code data-setup-ms}), and the same browser time for a blank page (its start-up, to
 * subtract). A harness that prints figures, not a test. Writes the pages to
 * {@code bench/target/report-<events>.html} to look at.
 *
 * <p>Usage: {@code bench/report.sh [repetitions]} (default 5).
 */
public final class ReportBenchmark {
  private ReportBenchmark() {}

  public static void main(String[] args) throws Exception {
    int reps = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    Path out = Path.of("bench/target");
    Files.createDirectories(out);
    String chromium = chromium();
    System.out.println("report benchmark, " + reps + " repetitions, medians; chromium: "
        + (chromium == null ? "not found (browser figures skipped)" : chromium));
    if (chromium != null) {
      Path blank = out.resolve("blank.html").toAbsolutePath();
      Files.writeString(blank, "<!DOCTYPE html><html><body>blank</body></html>\n");
      double[] wall = new double[Math.min(reps, 3)];
      for (int i = 0; i < wall.length; i++) {
        long t0 = System.nanoTime();
        dumpDom(chromium, blank, out.resolve("chromium-profile"));
        wall[i] = (System.nanoTime() - t0) / 1e6;
      }
      System.out.printf(Locale.ROOT, "chromium on a blank page (start-up and exit): %.0f ms%n", median(wall));
    }
    System.out.printf(Locale.ROOT, "%7s %10s %10s %10s %12s %12s %13s %12s%n", "events", "html KB", "text KB",
        "json KB", "html ms", "text ms", "chromium ms", "script ms");
    for (int work : new int[] {32, 332, 1000}) {
      Result r = new LongTrace(work).result();
      int events = ((Result.ViolationsFound) r).first().trace().size();
      ReportOptions o = ReportOptions.all("LongTrace(" + work + ")", List.of());
      String html = "";
      double[] htmlMs = new double[reps];
      double[] textMs = new double[reps];
      String text = "";
      for (int i = 0; i < reps; i++) {
        long t0 = System.nanoTime();
        html = HtmlReport.render(r, o, SourceLines.fromClasspath());
        long t1 = System.nanoTime();
        text = TextReport.render(r, o);
        long t2 = System.nanoTime();
        htmlMs[i] = (t1 - t0) / 1e6;
        textMs[i] = (t2 - t1) / 1e6;
      }
      String json = ResultJson.write(r, o, null, Map.of());
      Path page = out.resolve("report-" + events + ".html").toAbsolutePath();
      Files.writeString(page, html, StandardCharsets.UTF_8);
      String browser = "-";
      String script = "-";
      if (chromium != null) {
        double[] wall = new double[Math.min(reps, 3)];
        List<Integer> setup = new ArrayList<>();
        for (int i = 0; i < wall.length; i++) {
          long t0 = System.nanoTime();
          String dom = dumpDom(chromium, page, out.resolve("chromium-profile"));
          wall[i] = (System.nanoTime() - t0) / 1e6;
          Matcher m = Pattern.compile("data-setup-ms=\"(\\d+)\"").matcher(dom);
          if (m.find()) {
            setup.add(Integer.parseInt(m.group(1)));
          }
        }
        browser = String.format(Locale.ROOT, "%.0f", median(wall));
        script = setup.isEmpty() ? "?" : String.valueOf(setup.stream().sorted().toList().get(setup.size() / 2));
      }
      System.out.printf(Locale.ROOT, "%7d %10.1f %10.1f %10.1f %12.1f %12.1f %13s %12s%n", events,
          html.getBytes(StandardCharsets.UTF_8).length / 1024.0, text.getBytes(StandardCharsets.UTF_8).length / 1024.0,
          json.getBytes(StandardCharsets.UTF_8).length / 1024.0, median(htmlMs), median(textMs), browser, script);
    }
    System.out.println("pages written to " + out.toAbsolutePath() + "/report-<events>.html");
  }

  private static double median(double[] xs) {
    double[] s = xs.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  private static String chromium() {
    String env = System.getenv("MMCHECK_CHROMIUM");
    if (env != null && Files.isExecutable(Path.of(env))) {
      return env;
    }
    for (String n : List.of("chromium", "chromium-browser", "google-chrome")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, n))) {
          return Path.of(dir, n).toString();
        }
      }
    }
    return null;
  }

  private static String dumpDom(String chromium, Path page, Path profile) throws IOException, InterruptedException {
    Path dom = Files.createTempFile("mmcheck-dom", ".html");
    Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(), "--dump-dom", page.toUri().toString())
        .redirectOutput(dom.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish");
    }
    String s = Files.readString(dom);
    Files.delete(dom);
    return s;
  }
}
