package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.UseAfterFree;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Renders reports of small deterministic searches and compares them with golden files. */
class ReportGoldenTest {
  private static final List<String> CONFIG = List.of("target = golden   # golden.jpf:1",
      "search.properties = deadlock, use-after-free   # golden.jpf:2");

  private static ReportOptions options(String title) {
    return ReportOptions.all(title, CONFIG).masked();
  }

  private static Checker checker(dev.mmcheck.engine.Scenario s) {
    return Checker.of(s).with(new DeadlockFreedom(), new UseAfterFree());
  }

  @Test
  void abbaDeadlock() {
    Result r = checker(new GoldenScenarios.Abba()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    Golden.check("abba.txt", TextReport.render(r, options("abba")));
    Golden.check("abba.html", HtmlReport.render(r, options("abba")));
    Golden.check("abba.json", ScheduleJson.write(((Result.ViolationsFound) r).first()));
  }

  @Test
  void useAfterFree() {
    Result r = checker(new GoldenScenarios.UseAfterFree()).run();
    assertInstanceOf(Result.ViolationsFound.class, r);
    Golden.check("uaf.txt", TextReport.render(r, options("use-after-free")));
    Result.ViolationsFound f = (Result.ViolationsFound) r;
    Counterexample c = f.first();
    Counterexample withMeta = c.withSchedule(c.schedule().withMeta(Map.of("config.path", "golden.jpf", "b", "2", "a", "1")));
    Golden.check("uaf.json", ScheduleJson.write(withMeta));
    assertEquals(withMeta.schedule(), ScheduleJson.read(ScheduleJson.write(withMeta)).schedule());
  }

  @Test
  void verified() {
    Result r = checker(new GoldenScenarios.Private()).run();
    assertInstanceOf(Result.Verified.class, r);
    Golden.check("verified.txt", TextReport.render(r, options("private cells")));
  }

  @Test
  void boundReached() {
    Result r = checker(new GoldenScenarios.Writers()).options(SearchOptions.defaults().withMaxExecutions(1)).run();
    assertInstanceOf(Result.BoundReached.class, r);
    Golden.check("bound.txt", TextReport.render(r, options("writers, max 1 execution")));
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
  }
}
