package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.WaitFor;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
  private static final long S = 1_000_000_000L;

  /** An execution context that only answers what the listener asks. */
  private record Ctx(int executionNumber, int eventCount) implements ExecutionContext {
    public ThreadRef currentThread() {
      return null;
    }

    public List<ThreadRef> threads() {
      return List.of();
    }

    public List<Held> heldBy(ThreadRef t) {
      return List.of();
    }

    public void report(Property p, String message, List<String> details) {}

    public List<StackTraceElement> modelStack(int max) {
      return List.of();
    }

    public <T> T searchShared(String key, java.util.function.Supplier<T> make) {
      return make.get();
    }
  }

  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);

  private String text() {
    return buf.toString(StandardCharsets.UTF_8);
  }

  @Test
  void plainLinesReportTheRecentRateNotTheAverage() {
    ProgressListener p = new ProgressListener(out, ProgressListener.Mode.LINES, Duration.ofSeconds(10), now::get, true);
    int n = 0;
    // 10 s at 100 executions/s, then 10 s at 10 executions/s.
    for (int i = 0; i < 1000; i++) {
      now.addAndGet(S / 100);
      p.executionFinished(new Ctx(++n, 20), i % 4 == 0 ? ExecutionEnd.SLEEP_BLOCKED : ExecutionEnd.COMPLETED);
    }
    for (int i = 0; i < 100; i++) {
      now.addAndGet(S / 10);
      p.executionFinished(new Ctx(++n, 30), ExecutionEnd.COMPLETED);
    }
    p.searchFinished(null);
    String[] lines = text().split("\n");
    assertEquals(3, lines.length, text());
    assertEquals("progress: 1000 executions, 100/s, depth 20 (max 20), 25% sleep-blocked, 00:00:10.000 elapsed", lines[0]);
    // The cumulative average would be 55/s; the last 5 s ran at 10/s.
    assertTrue(lines[1].startsWith("progress: 1100 executions, 10/s, depth 30 (max 30), 23% sleep-blocked, 00:00:20.000"),
        lines[1]);
    assertTrue(lines[2].endsWith(" (done)"), lines[2]);
  }

  @Test
  void liveLineIsRewrittenInPlaceAfterTheFirstSecond() {
    ProgressListener p = new ProgressListener(out, ProgressListener.Mode.LIVE, Duration.ofMillis(250), now::get, true);
    for (int i = 1; i <= 30; i++) {
      now.addAndGet(S / 10);
      p.executionFinished(new Ctx(i, 5), ExecutionEnd.COMPLETED);
      if (i == 9) {
        assertEquals("", text(), "nothing in the first second");
      }
    }
    p.searchFinished(null);
    String t = text();
    assertTrue(t.startsWith("\r  10 executions   10/s   depth 5 (max 5)   0% sleep-blocked   00:00:01\033[K"), t);
    assertEquals(1, t.chars().filter(c -> c == '\n').count(), "one line, ended once: " + t);
    assertTrue(t.endsWith("  30 executions   10/s   depth 5 (max 5)   0% sleep-blocked   00:00:03  (done)\033[K\n"), t);
  }

  @Test
  void firstViolationIsPrintedAtOnceAndDeadlocksCountOnlyWhenChecked() {
    ProgressListener quietOnDeadlock = new ProgressListener(out, ProgressListener.Mode.LINES, Duration.ofHours(1),
        now::get, false);
    now.set(2 * S);
    quietOnDeadlock.executionFinished(new Ctx(1, 4), ExecutionEnd.DEADLOCK);
    assertEquals("", text(), "deadlock is not a violation when the deadlock property is off");

    now.set(0);
    ProgressListener p = new ProgressListener(out, ProgressListener.Mode.LINES, Duration.ofHours(1), now::get, true);
    now.set(1500 * 1_000_000L);
    p.deadlock(new Ctx(2, 6), new WaitFor(List.of(), List.of()));
    p.executionFinished(new Ctx(2, 6), ExecutionEnd.DEADLOCK);
    assertEquals("first violation: deadlock (all unfinished threads blocked) in execution #2 at event 5, after "
        + "00:00:01.500; the report follows when the search ends\n", text());
    p.executionFinished(new Ctx(3, 9), ExecutionEnd.VIOLATION);
    p.searchFinished(null);
    assertTrue(text().endsWith("elapsed   2 violations (done)\n"), text());
  }

  @Test
  void aViolationInAShortSearchPrintsNothing() {
    ProgressListener p = new ProgressListener(out, ProgressListener.Mode.LIVE, Duration.ofMillis(250), now::get, true);
    now.set(S / 10);
    p.executionFinished(new Ctx(1, 4), ExecutionEnd.VIOLATION);
    now.set(S / 5);
    p.searchFinished(null);
    assertEquals("", text());
  }

  @Test
  void anEarlyViolationIsPrintedOnceTheFirstSecondHasPassed() {
    ProgressListener p = new ProgressListener(out, ProgressListener.Mode.LIVE, Duration.ofMillis(250), now::get, true);
    now.set(S / 10);
    p.executionFinished(new Ctx(1, 4), ExecutionEnd.VIOLATION);
    now.set(S + S / 10);
    p.executionFinished(new Ctx(2, 4), ExecutionEnd.COMPLETED);
    String t = text();
    assertTrue(t.startsWith("first violation: a property was violated in execution #1 at event 3, after 00:00:00.100"), t);
    assertTrue(t.contains("\r  2 executions"), t);
  }

  @Test
  void runsAsAListenerOfARealSearchAndStaysSilentWhenFast() {
    ProgressListener p = ProgressListener.forCli(out, ProgressListener.Mode.LINES, true);
    Checker.of(w -> {
      Cell<Integer> c = new Cell<>("x", 0);
      w.thread("a", () -> c.set(1));
      w.thread("b", () -> c.set(2));
    }).with(p).run();
    assertFalse(text().contains("progress"), text());
  }
}
