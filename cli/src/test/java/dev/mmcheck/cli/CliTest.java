package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command end to end, in-process, on the example configs under {@code jpf-configs/examples}. */
class CliTest {
  static final String EXAMPLES = "../jpf-configs/examples/";

  @TempDir
  Path tmp;

  @Test
  void passingConfigExitsZero() {
    Cli.Run r = Cli.run(EXAMPLES + "abba-ordered.jpf");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("no errors detected"), r.toString());
    assertTrue(r.out().contains("target = abba-ordered"), "header shows the effective config\n" + r);
    assertTrue(r.out().contains("[expect verified: ok]"), r.toString());
  }

  @Test
  void failingConfigExitsOneAndPrintsTheTrace() {
    Cli.Run r = Cli.run(EXAMPLES + "abba.jpf");
    assertEquals(1, r.code(), r.toString());
    assertTrue(r.out().contains("====================================================== error #1\ndeadlock\n"), r.toString());
    assertTrue(r.out().contains("transition #1 thread: t2"), r.toString());
    assertTrue(r.out().contains("at Abba.java:"), r.toString());
    assertTrue(r.out().contains("error #1: deadlock \"deadlock: wait-for cycle"), r.toString());
  }

  @Test
  void boundConfigExitsThree() {
    Cli.Run r = Cli.run(EXAMPLES + "philosophers-bounded.jpf");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.out().contains("search was NOT exhaustive: bound search.max_executions reached"), r.toString());
  }

  @Test
  void badConfigExitsTwoWithFileAndLine() throws IOException {
    Path f = Files.writeString(tmp.resolve("bad.jpf"), "target = abba\nsearch.time_limit = soon\n");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":2: search.time_limit: expected a duration"), r.toString());
    assertFalse(r.err().contains("\tat "), "no stack trace\n" + r);
  }

  @Test
  void unknownScenarioListsTheAvailableOnes() {
    Cli.Run r = Cli.run("+target=abbba");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unknown scenario 'abbba'; available: abba, abba-ordered"), r.toString());
    assertTrue(r.err().contains("did you mean abba?"), r.toString());
  }

  @Test
  void scenarioParameterOutsideItsChoicesIsAConfigError() {
    Cli.Run r = Cli.run("+target=philosophers", "+philosophers.n=1899");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("philosophers.n: expected one of: 2, 3, 4, 5, got '1899'"), r.toString());
  }

  @Test
  void commandLineOverrideBeatsTheFile() {
    Cli.Run r = Cli.run(EXAMPLES + "philosophers-ordered.jpf", "+search.max_executions=1");
    assertEquals(3, r.code(), r.toString());
    assertTrue(r.out().matches("(?s).*search\\.max_executions = 1 +# command line\n.*"), r.toString());
    assertTrue(r.out().contains("[UNEXPECTED: expected verified]"), r.toString());
  }

  @Test
  void checkExpectTurnsAMismatchIntoFiveAndAMatchIntoZero() {
    assertEquals(5, Cli.run("--check-expect", EXAMPLES + "abba-ordered.jpf", "+target=abba").code());
    assertEquals(0, Cli.run("--check-expect", EXAMPLES + "abba.jpf").code());
  }

  @Test
  void severalFilesPrintOneLineEachAndExitWithTheWorst() {
    Cli.Run r = Cli.run(EXAMPLES + "abba-ordered.jpf", EXAMPLES + "philosophers-bounded.jpf", EXAMPLES + "uaf.jpf");
    assertEquals(1, r.code(), r.toString());
    assertEquals(3, r.out().lines().count(), r.toString());
    assertFalse(r.out().contains("======"), "no full reports\n" + r);
    Cli.Run withMissing = Cli.run(EXAMPLES + "abba.jpf", tmp.resolve("missing.jpf").toString());
    assertEquals(2, withMissing.code(), withMissing.toString());
  }

  @Test
  void replayReproducesTheSavedViolation() throws IOException {
    Path json = tmp.resolve("out/uaf.json");
    Path html = tmp.resolve("out/uaf.html");
    Cli.Run run = Cli.run(EXAMPLES + "uaf.jpf", "+report.json=" + json, "+report.html=" + html);
    assertEquals(1, run.code(), run.toString());
    assertTrue(Files.readString(json).contains("\"format\": \"mmcheck-report/1\""));
    assertTrue(Files.readString(json).contains("\"verdict\": \"violation\""));
    assertTrue(Files.readString(html).contains("<div class=\"lanes\""));
    assertTrue(Files.readString(html).contains("<code id=\"replay\" class=\"cmd\">./mmcheck replay " + json + "</code>"),
        "the HTML report shows the replay command");
    Cli.Run replay = Cli.run("replay", json.toString());
    assertEquals(1, replay.code(), replay.toString());
    assertTrue(replay.out().contains("replay reproduced the saved violation: use-after-free"), replay.toString());
    assertTrue(replay.out().contains("<== use-after-free"), replay.toString());
  }

  @Test
  void replayOfAnEditedScheduleIsAModelError() throws IOException {
    Path json = tmp.resolve("abba.json");
    assertEquals(1, Cli.run(EXAMPLES + "abba.jpf", "+report.json=" + json).code());
    Files.writeString(json, Files.readString(json).replace("\"object\": \"A\"", "\"object\": \"C\""));
    Cli.Run replay = Cli.run("replay", json.toString());
    assertEquals(4, replay.code(), replay.toString());
    assertTrue(replay.out().contains("the model diverged from the schedule at event"), replay.toString());
    assertTrue(replay.err().contains("error: the model diverged from the schedule in " + json), replay.toString());
  }

  /** Issue 15 item 10: a hand-edited thread number is a usage error naming the step, not a hang. */
  @Test
  void replayOfAScheduleWithABadStepNamesTheStep() throws IOException {
    Path json = tmp.resolve("abba.json");
    assertEquals(1, Cli.run(EXAMPLES + "abba.jpf", "+report.json=" + json).code());
    String text = Files.readString(json);
    int at = text.indexOf("\"thread\": 1,", text.indexOf("\"steps\""));
    assertTrue(at > 0, text);
    Files.writeString(json, text.substring(0, at) + "\"thread\": -1," + text.substring(at + "\"thread\": 1,".length()));
    Cli.Run replay = Cli.run("replay", json.toString());
    assertEquals(2, replay.code(), replay.toString());
    assertTrue(replay.err().matches("(?s).*error: .*abba.json: step \\d+: thread -1 is not a thread number.*"),
        replay.toString());
  }

  /** Issue 15 item 13: a report that cannot be written keeps the verdict and its exit code. */
  @Test
  void anUnwritableReportKeepsTheVerdict() throws IOException {
    Path ro = Files.createDirectories(tmp.resolve("ro"));
    Path blocker = Files.writeString(ro.resolve("file"), "x");
    Cli.Run run = Cli.run(EXAMPLES + "uaf.jpf", "+report.json=" + blocker.resolve("cannot.json"));
    assertEquals(1, run.code(), run.toString());
    assertTrue(run.out().contains("violation"), run.toString());
    assertTrue(run.err().contains("report.json: cannot write"), run.toString());
    assertTrue(run.out().indexOf("uaf.jpf:") >= 0, run.toString());
  }

  @Test
  void replayOfABadFileIsAUsageError() throws IOException {
    Path json = Files.writeString(tmp.resolve("x.json"), "{\"format\": \"mmcheck-schedule/9\"}");
    Cli.Run r = Cli.run("replay", json.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("unsupported format \"mmcheck-schedule/9\""), r.toString());
    Path verified = tmp.resolve("verified.json");
    assertEquals(0, Cli.run(EXAMPLES + "abba-ordered.jpf", "+report.json=" + verified).code());
    Cli.Run none = Cli.run("replay", verified.toString());
    assertEquals(2, none.code(), none.toString());
    assertTrue(none.err().contains("holds no counterexample to replay (verdict: verified)"), none.toString());
    Cli.Run missing = Cli.run("replay", tmp.resolve("none.json").toString());
    assertEquals(2, missing.code(), missing.toString());
  }

  @Test
  void everyVerdictWritesAReportJson() throws IOException {
    String[][] runs = {{"abba-ordered.jpf", "verified", "0"}, {"philosophers-bounded.jpf", "bound", "3"},
        {"abba.jpf", "violation", "1"}};
    for (String[] run : runs) {
      Path json = tmp.resolve(run[0] + ".json");
      Cli.Run r = Cli.run(EXAMPLES + run[0], "+report.json=" + json);
      assertEquals(Integer.parseInt(run[2]), r.code(), r.toString());
      com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(Files.readString(json)).getAsJsonObject();
      assertEquals("mmcheck-report/1", o.get("format").getAsString());
      assertEquals(run[1], o.get("verdict").getAsString());
      assertEquals(run[1].equals("verified"), o.get("exhaustive").getAsBoolean());
      assertEquals(Integer.parseInt(run[2]), o.getAsJsonObject("run").get("exitCode").getAsInt());
      assertTrue(o.getAsJsonObject("run").get("expectMet").getAsBoolean());
      assertTrue(o.getAsJsonObject("statistics").get("executions").getAsLong() > 0);
      assertEquals(run[1].equals("bound"), o.getAsJsonArray("boundsHit").toString().contains("search.max_executions"));
      assertEquals(run[1].equals("violation"), o.has("steps"), "only a violation carries a schedule");
    }
  }

  @Test
  void quietTurnsProgressOff() {
    Cli.Run r = Cli.run("--quiet", EXAMPLES + "abba.jpf");
    assertEquals(1, r.code(), r.toString());
    assertEquals("", r.err(), r.toString());
  }

  @Test
  void badUsageExitsTwoWithoutAStackTrace() {
    Cli.Run r = Cli.run("--frobnicate");
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: Unknown option: '--frobnicate'"), r.toString());
    assertEquals(2, Cli.run().code());
  }

  @Test
  void helpDocumentsTheExitCodes() {
    Cli.Run r = Cli.run("--help");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("5   with --check-expect"), r.toString());
  }
}
