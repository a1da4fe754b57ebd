package dev.mmcheck.properties;

import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.model.MmStruct;
import java.util.List;

/** Helpers shared by the mm properties: which held locks mean what for an mm, in its era. */
final class MmLocks {
  private MmLocks() {}

  /** True if {@code lock} is the era's vmlist lock of some mm. */
  static boolean isVmlistLock(SyncObject lock) {
    MmStruct mm = MmStruct.ofLock(lock);
    return mm != null && mm.vmlistLockObject() == lock;
  }

  static boolean holds(List<Held> held, SyncObject lock) {
    if (lock == null) {
      return false;
    }
    for (Held h : held) {
      if (h.lock() == lock) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the holder of {@code held} keeps {@code mm}'s listed VMAs in the list in its era:
   * {@code mmap_sem}, the vmlist lock where the era has one, or the BKL where do_munmap
   * interlocks with it (seed 002: "Vma existance gurantee ... relies on the fact that
   * do_munmap() temporarily gets lock_kernel").
   */
  static boolean stabilises(List<Held> held, MmStruct mm) {
    return holds(held, mm.mmapSem) || holds(held, mm.vmlistLockObject())
        || (mm.discipline.bklInterlock() && holds(held, mm.kernel.kernelLock));
  }

  /** The innermost model-code function on the stack (e.g. {@code find_vma}). */
  static String function(ExecutionContext ctx) {
    for (StackTraceElement f : ctx.modelStack(8)) {
      String c = f.getClassName();
      if (c.startsWith("dev.mmcheck.model.") && !c.endsWith(".Vma") && !c.endsWith(".MmStruct")
          && !c.endsWith(".Inode")) {
        return c.substring(c.lastIndexOf('.') + 1) + "." + f.getMethodName() + "()";
      }
    }
    return "?";
  }

  /** The field part of a cell name: {@code vma1.vm_start} -> {@code vm_start}. */
  static String field(String cellName) {
    int dot = cellName.lastIndexOf('.');
    return dot < 0 ? cellName : cellName.substring(dot + 1);
  }
}
