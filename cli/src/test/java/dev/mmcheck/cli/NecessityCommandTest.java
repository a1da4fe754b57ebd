package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mmcheck necessity}: the table on the example configs (golden, times masked), its JSON
 * and HTML files, exit codes, and seed 000's answer on the model: the swap_in / do_wp_page
 * re-checks are load-bearing in 1998 and redundant once mmap_sem is always held.
 */
class NecessityCommandTest {
  static final String EXAMPLES = CliTest.EXAMPLES;
  static final String NECESSITY = "../jpf-configs/necessity/";

  @TempDir
  Path tmp;

  /** Wall times vary: {@code 0.01 s} becomes {@code -- s}. */
  static String masked(String out) {
    return out.replaceAll("\\b\\d+\\.\\d\\d s\\b", "-- s");
  }

  /** The table rows of the single-site table: "verdict kind site" with the site's location. */
  static List<String> rows(String out) {
    List<String> rows = new ArrayList<>();
    boolean in = false;
    for (String l : out.split("\n")) {
      if (l.startsWith("verdict ")) {
        in = true;
        continue;
      }
      if (in && (l.startsWith("load-bearing") || l.startsWith("redundant") || l.startsWith("inconclusive"))) {
        String[] f = l.split("\\s{2,}");
        rows.add(f[0] + " " + f[1] + " " + f[2]);
      } else if (in) {
        break;
      }
    }
    return rows;
  }

  @Test
  void twoLocksTableIsTheGolden() {
    Cli.Run r = Cli.run("necessity", EXAMPLES + "two-locks.jpf");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.err().contains("necessity: site 3/3: without"), "progress on stderr: " + r.err());
    Golden.check("necessity-two-locks.txt", masked(r.out()));
  }

  @Test
  void pairsWithTheirBoundAndJsonAndHtml() throws IOException {
    Path json = tmp.resolve("n.json");
    Path html = tmp.resolve("n.html");
    Cli.Run r = Cli.run("necessity", EXAMPLES + "covering-locks.jpf", "--pairs", "--max-pairs=5", "-q",
        "--json", json.toString(), "+report.html=" + html);
    assertEquals(0, r.code(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().contains("pairs: tried 5 of 6 pairs of individually redundant sites (CUT by the bound"
        + " --max-pairs=5: 1 pairs not tried)"), r.out());
    JsonObject j = JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject();
    assertEquals("mmcheck-necessity/1", j.get("format").getAsString());
    assertEquals(4, j.getAsJsonArray("rows").size());
    JsonObject pairs = j.getAsJsonObject("pairs");
    assertTrue(pairs.get("cut").getAsBoolean());
    JsonArray pr = pairs.getAsJsonArray("rows");
    assertEquals(5, pr.size());
    assertEquals("load-bearing", pr.get(0).getAsJsonObject().get("verdict").getAsString());
    assertEquals("assertion", pr.get(0).getAsJsonObject().get("property").getAsString());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("<section class=\"necessity\" id=\"necessity\">"), "HTML has the section");
    assertEquals(4 + 5, page.split("<tr class=\"row ", -1).length - 1, "one row per site and per pair");
  }

  @Test
  void tracesPrintsTheCounterexampleOfEachLoadBearingSite() {
    Cli.Run r = Cli.run("necessity", EXAMPLES + "two-locks.jpf", "-q", "--traces");
    assertEquals(0, r.code(), r.toString());
    assertEquals(2, r.out().split("---- without mutex_lock\\(data_lock\\)", -1).length - 1, r.out());
    assertTrue(r.out().contains("====================================================== trace #2"), r.out());
    assertFalse(r.out().contains("---- without mutex_lock(stats_lock)"), r.out());
  }

  @Test
  void reportNecessityKeyWritesTheJson() throws IOException {
    Path json = tmp.resolve("k.json");
    Cli.Run r = Cli.run("necessity", EXAMPLES + "two-locks.jpf", "-q", "+report.necessity=" + json);
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("necessity report written to " + json), r.out());
    assertTrue(Files.readString(json, StandardCharsets.UTF_8).contains("\"verdict\": \"load-bearing\""));
  }

  @Test
  void aConfigThatDoesNotVerifyIsReportedNotAnalysed() {
    Cli.Run r = Cli.run("necessity", EXAMPLES + "abba.jpf", "-q");
    assertEquals(ExitCodes.VIOLATION, r.code(), r.toString());
    assertTrue(r.out().contains("not analysed: necessity needs a baseline that verifies"), r.out());
    assertTrue(r.out().contains("error #1: deadlock"), "the violation is shown: " + r.out());
  }

  /**
   * Seed 000's do_wp_page question has no 1998 answer: with every re-check kept, 2.2.1 still drops
   * the BKL between the re-check and set_pte, and ptrace (BKL only in 1998) loses its update there.
   */
  @Test
  void seed000Wp1998HasNoVerifyingBaseline() {
    Cli.Run r = Cli.run("necessity", "../jpf-configs/hemment-recheck-1998-with-rechecks-wp.jpf", "-q");
    assertEquals(ExitCodes.VIOLATION, r.code(), r.toString());
    assertTrue(r.out().contains("not analysed: necessity needs a baseline that verifies"), r.out());
    assertTrue(r.out().contains("error #1: pte-lost-update"), r.out());
  }

  @Test
  void badUsageIsExit2() {
    assertEquals(ExitCodes.USAGE, Cli.run("necessity", EXAMPLES + "abba.jpf", EXAMPLES + "uaf.jpf").code());
    assertEquals(ExitCodes.USAGE, Cli.run("necessity", EXAMPLES + "two-locks.jpf", "--frames=0").code());
    assertEquals(ExitCodes.USAGE, Cli.run("necessity", "../no/such.jpf").code());
    assertEquals(ExitCodes.USAGE, Cli.run("necessity", EXAMPLES + "two-locks.jpf", "+search.minimize=fewest").code());
  }

  @Test
  void seed000TheRechecksAreLoadBearingIn1998AndRedundantOnceMmapSemIsAlwaysHeld() {
    record Case(String config, String guard, boolean needed) {}
    for (Case c : List.of(
        new Case("../jpf-configs/hemment-recheck-1998-with-rechecks.jpf", "swap_in", true),
        new Case(NECESSITY + "hemment-recheck-1998-fixed-with-rechecks.jpf", "swap_in", false),
        new Case(NECESSITY + "hemment-recheck-1998-fixed-with-rechecks-wp.jpf", "do_wp_page", false))) {
      Cli.Run r = Cli.run("necessity", c.config(), "-q");
      assertEquals(0, r.code(), r.toString());
      String guard = rows(r.out()).stream().filter(x -> x.contains("recheck \"" + c.guard())).findFirst()
          .orElseThrow(() -> new AssertionError("no " + c.guard() + " guard row in " + r.out()));
      assertEquals(c.needed(), guard.startsWith("load-bearing"), c.config() + ": " + guard);
      if (c.needed()) {
        assertTrue(r.out().contains("pte-lost-update: "), r.out());
      }
    }
  }

  @Test
  void minimizeKeyShowsHowTheCounterexampleWasMinimised() {
    Cli.Run first = Cli.run(EXAMPLES + "philosophers.jpf", "+philosophers.n=4", "-q");
    assertTrue(first.out().contains("3 preemptions"), first.out());
    assertFalse(first.out().contains("minimised"), first.out());
    Cli.Run m = Cli.run(EXAMPLES + "philosophers.jpf", "+philosophers.n=4", "+search.minimize=preemptions", "-q");
    assertEquals(ExitCodes.VIOLATION, m.code());
    assertTrue(m.out().contains("schedule: 4 events, 3 context switches, 1 preemption\n"), m.out());
    assertTrue(m.out().contains("minimised (search.minimize = preemptions): 1 preemption is the fewest"), m.out());
  }
}
