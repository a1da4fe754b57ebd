package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Renders reports of small deterministic searches and compares them with golden files (text,
 * HTML, the counterexample JSON and the whole-run JSON). {@link HtmlBrowserTest} renders the
 * HTML goldens in a real browser.
 */
class ReportGoldenTest {
  static final List<String> CONFIG = List.of("target = golden   # golden.jpf:1",
      "search.properties = deadlock, use-after-free   # golden.jpf:2");

  static ReportOptions options(String title) {
    return ReportOptions.all(title, CONFIG).masked();
  }

  static Checker checker(dev.mmcheck.engine.Scenario s) {
    return Checker.of(s).with(new DeadlockFreedom(), new UseAfterFree());
  }

  private static Map<String, Object> run(String file, String expect) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("configFile", file);
    m.put("expect", expect);
    m.put("expectMet", true);
    return m;
  }

  @Test
  void abbaDeadlock() {
    Result r = checker(new GoldenScenarios.Abba()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    ReportOptions o = options("abba").withReplayCommand("./mmcheck replay abba.json");
    Golden.check("abba.txt", TextReport.render(r, o));
    Golden.check("abba.html", HtmlReport.render(r, o));
    Golden.check("abba.json", ScheduleJson.write(((Result.ViolationsFound) r).first()));
  }

  @Test
  void useAfterFree() {
    Result r = checker(new GoldenScenarios.UseAfterFree()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    ReportOptions o = options("use-after-free").withReplayCommand("./mmcheck replay uaf.json");
    Golden.check("uaf.txt", TextReport.render(r, o));
    Golden.check("uaf.html", HtmlReport.render(r, o));
    Result.ViolationsFound f = (Result.ViolationsFound) r;
    Counterexample c = f.first();
    Counterexample withMeta = c.withSchedule(c.schedule().withMeta(Map.of("config.path", "golden.jpf", "b", "2", "a", "1")));
    Golden.check("uaf.json", ScheduleJson.write(withMeta));
    assertEquals(withMeta.schedule(), ScheduleJson.read(ScheduleJson.write(withMeta)).schedule());
    String report = ResultJson.write(r, o, withMeta, run("golden.jpf", "violation use-after-free"));
    Golden.check("uaf-report.json", report);
    assertEquals(withMeta.schedule(), ScheduleJson.read(report).schedule(), "the run report replays like a schedule");
  }

  @Test
  void queuedWriterDeadlock() {
    Result r = checker(new GoldenScenarios.RecursiveRead()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    ReportOptions o = options("recursive read vs queued writer").withReplayCommand("./mmcheck replay rwsem.json");
    String text = TextReport.render(r, o);
    Golden.check("rwsem.txt", text);
    Golden.check("rwsem.html", HtmlReport.render(r, o));
    assertTrue(text.contains("reader waits in down_read(mm.mmap_sem) queued behind [munmap]"), text);
    assertTrue(text.contains("munmap waits in down_write(mm.mmap_sem) held by [reader]"), text);
  }

  @Test
  void verified() {
    Result r = checker(new GoldenScenarios.Private()).run();
    assertInstanceOf(Result.Verified.class, r);
    Golden.check("verified.txt", TextReport.render(r, options("private cells")));
    Golden.check("verified.html", HtmlReport.render(r, options("private cells")));
    Golden.check("verified.json", ResultJson.write(r, options("private cells"), null, run("golden.jpf", "verified")));
  }

  @Test
  void boundReached() {
    Result r = checker(new GoldenScenarios.Writers()).options(SearchOptions.defaults().withMaxExecutions(1)).run();
    assertInstanceOf(Result.BoundReached.class, r);
    Golden.check("bound.txt", TextReport.render(r, options("writers, max 1 execution")));
    Golden.check("bound.json", ResultJson.write(r, options("writers, max 1 execution"), null, Map.of()));
  }

  @Test
  void sectionsCanBeTurnedOff() {
    Result r = checker(new GoldenScenarios.Abba()).run();
    ReportOptions quiet = new ReportOptions("abba", CONFIG, false, true, false, false, true);
    Golden.check("abba-quiet.txt", TextReport.render(r, quiet));
  }

  @Test
  void divergingReplayIsAModelError() {
    Checker c = checker(new GoldenScenarios.Abba());
    Schedule s = ((Result.ViolationsFound) c.run()).first().schedule();
    List<Schedule.Step> steps = new ArrayList<>(s.steps());
    Schedule.Step first = steps.get(0);
    steps.set(0, new Schedule.Step(first.thread(), first.threadName(), first.choice(), first.op(), "C"));
    Result r = c.replay(new Schedule(s.scenario(), Map.of(), steps));
    assertInstanceOf(Result.ModelError.class, r);
    Golden.check("diverged.txt", TextReport.render(r, options("abba, edited schedule")));
    Golden.check("diverged.html", HtmlReport.render(r, options("abba, edited schedule")));
    Golden.check("diverged.json", ResultJson.write(r, options("abba, edited schedule"), null, Map.of()));
  }
}
