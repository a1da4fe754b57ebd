package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Cell;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressListenerTest {
  @Test
  void printsALineWhenTheIntervalHasPassed() {
    AtomicLong now = new AtomicLong();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(buf, true, StandardCharsets.UTF_8);
    // Every clock read advances 1 s: each execution end passes the 1 s interval.
    ProgressListener p = new ProgressListener(out, Duration.ofSeconds(1), () -> now.getAndAdd(1_000_000_000L));
    Checker.of(w -> {
      Cell<Integer> c = new Cell<>("x", 0);
      w.thread("a", () -> c.set(1));
      w.thread("b", () -> c.set(2));
    }).with(p).run();
    String[] lines = buf.toString(StandardCharsets.UTF_8).split("\n");
    assertEquals(3, lines.length, String.join("\n", lines));
    assertEquals("progress: 1 executions (1/s), 00:00:01.000 elapsed, max depth 2", lines[0]);
    assertEquals("progress: 2 executions (1/s), 00:00:03.000 elapsed, max depth 2 (done)", lines[2]);
  }
}
