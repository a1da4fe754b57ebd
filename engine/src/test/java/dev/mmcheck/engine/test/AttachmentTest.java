package dev.mmcheck.engine.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code ModelObject.attach}: per-execution model data a property finds from a lock. */
class AttachmentTest {
  record Owner(String name) {}

  static final class Attached implements Scenario {
    final List<String> refusals = new ArrayList<>();

    @Override
    public void setup(World w) {
      SpinLock a = new SpinLock("a");
      a.attach(new Owner("first"));
      SpinLock b = new SpinLock("b");
      b.attach(new Owner("x"));
      try {
        b.attach(new Owner("y"));
        refusals.add("accepted");
      } catch (IllegalStateException expected) {
        refusals.add(expected.getMessage());
      }
      SpinLock c = new SpinLock("c");  // nothing attached
      w.thread("t", () -> {
        a.lock();
        a.unlock();
        b.lock();
        b.unlock();
        c.lock();
        c.unlock();
      });
    }
  }

  @Test
  void aPropertySeesTheAttachmentOfItsExecutionAndNullWhereThereIsNone() {
    List<Object> seen = new ArrayList<>();
    class Seen implements Property, LockListener {
      @Override
      public String name() {
        return "seen";
      }

      @Override
      public void lockAcquired(ExecutionContext ctx, Event e, SyncObject lock, LockMode mode, boolean trylock) {
        seen.add(lock.name() + "=" + lock.attachment());
      }
    }
    Attached s = new Attached();
    Result r = Checker.of(s).with(new Seen()).run();
    assertInstanceOf(Result.Verified.class, r);
    assertEquals(List.of("a=Owner[name=first]", "b=Owner[name=x]", "c=null"), seen);
    assertEquals(List.of("b already has an attachment"), s.refusals, "a second attach is refused");
  }
}
