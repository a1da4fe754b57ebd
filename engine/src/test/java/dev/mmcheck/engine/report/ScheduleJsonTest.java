package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.props.DeadlockFreedom;
import org.junit.jupiter.api.Test;

/** Round trip through JSON, replay of the read schedule, and the messages for bad files. */
class ScheduleJsonTest {
  @Test
  void readScheduleReplaysToTheSameViolation() {
    Checker checker = Checker.of(new GoldenScenarios.Abba()).with(new DeadlockFreedom());
    Counterexample c = ((Result.ViolationsFound) checker.run()).first();
    ScheduleJson.Saved saved = ScheduleJson.read(ScheduleJson.write(c));
    assertEquals(c.schedule(), saved.schedule());
    assertEquals(c.violation(), saved.violation());
    Result again = Checker.of(new GoldenScenarios.Abba()).with(new DeadlockFreedom()).replay(saved.schedule());
    assertEquals(c.violation().key(), ((Result.ViolationsFound) again).first().violation().key());
  }

  @Test
  void badFilesAreRejectedWithAClearMessage() {
    assertMessage("not valid JSON", "{ nope");
    assertMessage("not an mmcheck schedule: expected a JSON object", "[1, 2]");
    assertMessage("no \"format\" field", "{}");
    assertMessage("unsupported format \"other/2\"", "{\"format\": \"other/2\"}");
    assertMessage("\"steps\": missing", "{\"format\": \"mmcheck-schedule/1\", \"scenario\": \"x\"}");
    assertMessage("steps[0].op: missing", "{\"format\": \"mmcheck-schedule/1\", \"scenario\": \"x\","
        + " \"steps\": [{\"thread\": 0, \"threadName\": \"t\", \"choice\": -1, \"object\": \"A\"}]}");
    assertMessage("steps[0].thread: expected an integer", "{\"format\": \"mmcheck-schedule/1\", \"scenario\": \"x\","
        + " \"steps\": [{\"thread\": \"zero\"}]}");
  }

  private static void assertMessage(String expected, String json) {
    ScheduleJson.BadScheduleException e =
        assertThrows(ScheduleJson.BadScheduleException.class, () -> ScheduleJson.read(json));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void htmlEscapesMarkup() {
    assertEquals("a &lt;b&gt; &amp; &quot;c&quot;", HtmlReport.esc("a <b> & \"c\""));
  }
}
