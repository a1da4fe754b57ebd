package dev.mmcheck.model.v6;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.props.DeadlockFreedom;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The per-VMA lock of 6.4 and 6.15 against its documented protocol (process_addrs.rst, "VMA lock internals"). */
class PerVmaLockTest {
  private static String verdict(Scenario s) {
    Result r = Checker.of(s).with(new DeadlockFreedom()).run();
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> f.first().violation().property() + ": " + f.first().violation().message();
      case Result.BoundReached b -> "bound";
      case Result.ModelError e -> "model error: " + e.message();
    };
  }

  /**
   * A reader either gets the lock before the writer marks the VMA (and the writer waits until it
   * ends) or fails while the mark lasts; a writer's mark lasts until mmap_write_unlock.
   */
  @ParameterizedTest
  @ValueSource(strings = {"6.4", "6.15"})
  void writerWaitsForTheReaderAndTheMarkLastsUntilUnlock(String era) {
    Era6 e = Era6.parse(era);
    assertEquals("verified", verdict(w -> {
      Kernel6 k = new Kernel6(e, e.discipline().withOverrides(Map.of("mm.allFixes", "true")));
      Mm6 mm = new Mm6(k, "mm", 1, false, null);
      Vma6 v = mm.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("reader", () -> {
        k.rcu.readLock();
        boolean locked = e.refcountedVmaLock() ? PerVmaLock.vma_start_read_6_15(mm, v) == PerVmaLock.ReadLock.LOCKED
            : PerVmaLock.vma_start_read_6_4(mm, v);
        k.rcu.readUnlock();
        if (locked) {
          Sched.check(v.vmFlags.get() == Vma6.VM_READ, "the writer changed a read-locked VMA");
          PerVmaLock.vma_end_read(v);
        }
      });
      w.thread("writer", () -> {
        mm.mmap_write_lock();
        PerVmaLock.vma_start_write(mm, v);
        v.vmFlags.set(Vma6.VM_READ | Vma6.VM_WRITE);
        v.vmFlags.set(Vma6.VM_READ);                 // back: the reader may only see VM_READ
        mm.mmap_write_unlock();
      });
    }));
  }

  @ParameterizedTest
  @ValueSource(strings = {"6.4", "6.15"})
  void withoutWaitingTheReaderSeesTheChange(String era) {
    Era6 e = Era6.parse(era);
    String v = verdict(w -> {
      Kernel6 k = new Kernel6(e, e.discipline().withOverrides(Map.of("mm.allFixes", "true",
          "mm.vmaStartWriteWaitsReaders", "false")));
      Mm6 mm = new Mm6(k, "mm", 1, false, null);
      Vma6 vma = mm.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("reader", () -> {
        k.rcu.readLock();
        boolean locked = e.refcountedVmaLock() ? PerVmaLock.vma_start_read_6_15(mm, vma) == PerVmaLock.ReadLock.LOCKED
            : PerVmaLock.vma_start_read_6_4(mm, vma);
        k.rcu.readUnlock();
        if (locked) {
          Sched.check(vma.vmFlags.get() == Vma6.VM_READ, "the writer changed a read-locked VMA");
          PerVmaLock.vma_end_read(vma);
        }
      });
      w.thread("writer", () -> {
        mm.mmap_write_lock();
        PerVmaLock.vma_start_write(mm, vma);
        vma.vmFlags.set(Vma6.VM_READ | Vma6.VM_WRITE);
        vma.vmFlags.set(Vma6.VM_READ);
        mm.mmap_write_unlock();
      });
    });
    assertEquals("assertion: the writer changed a read-locked VMA", v);
  }

  @Test
  void detachWaitsForTheReaderIn615() {
    assertEquals("verified", verdict(w -> {
      Kernel6 k = new Kernel6(Era6.E6_15, Discipline6.ALL_FIXED);
      Mm6 mm = new Mm6(k, "mm", 1, false, null);
      Vma6 v = mm.mapInitial("v", 0, 1, Vma6.VM_READ, null, null);
      w.thread("reader", () -> {
        k.rcu.readLock();
        PerVmaLock.ReadLock r = PerVmaLock.vma_start_read_6_15(mm, v);
        k.rcu.readUnlock();
        if (r == PerVmaLock.ReadLock.LOCKED) {
          Sched.check(v.vmRefcnt.get() >= 2, "attached and held while locked");
          PerVmaLock.vma_end_read(v);
        }
      });
      w.thread("munmap", () -> {
        mm.mmap_write_lock();
        PerVmaLock.vma_start_write(mm, v);
        PerVmaLock.vma_mark_detached(mm, v);
        Sched.check(v.vmRefcnt.get() == 0, "detached with no reader left");
        mm.mmap_write_unlock();
      });
    }));
  }
}
