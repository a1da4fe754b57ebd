package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventKind;
import dev.mmcheck.engine.ThreadRef;
import org.junit.jupiter.api.Test;

/** Operation names print once, with the half of a split operation said in words. */
class EventTextTest {
  private static final ThreadRef T = new ThreadRef(0, "t");

  private static String show(EventKind kind, String op, String object, Object value) {
    return EventText.event(new Event(0, T, kind, op, object, value, false));
  }

  @Test
  void splitOperationsNameTheOperationOnce() {
    assertEquals("down_read(mm.mmap_sem) requested", show(EventKind.REQUEST, "down_read", "mm.mmap_sem", null));
    assertEquals("down_read(mm.mmap_sem) acquired", show(EventKind.ACQUIRE, "down_read(acquired)", "mm.mmap_sem", null));
    assertEquals("down_write(mm.mmap_sem) acquired",
        show(EventKind.ACQUIRE, "down_write(acquired)", "mm.mmap_sem", null));
    assertEquals("down(mm.mmap_sem) attempt = false",
        show(EventKind.TRYLOCK_FAILED, "down(attempt)", "mm.mmap_sem", false));
    assertEquals("down_read", EventText.baseOp("down_read(acquired)"));
    assertEquals("(acquired)", EventText.baseOp("(acquired)"), "nothing left to name: unchanged");
  }

  @Test
  void otherOperationsAreAsTheEngineDescribesThem() {
    assertEquals("read(mm.mmap) = vma0", show(EventKind.READ, "read", "mm.mmap", "vma0"));
    assertEquals("mutex_lock(A)", show(EventKind.ACQUIRE, "mutex_lock", "A", null));
    assertEquals("down_read_trylock(s) = false", show(EventKind.TRYLOCK_FAILED, "down_read_trylock", "s", false));
  }
}
