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

  /** True if {@code held} contains {@code lock} in a mode that excludes every other holder. */
  static boolean holdsExclusive(List<Held> held, SyncObject lock) {
    if (lock == null) {
      return false;
    }
    for (Held h : held) {
      if (h.lock() == lock && h.mode() != dev.mmcheck.engine.LockMode.SHARED) {
        return true;
      }
    }
    return false;
  }

  /**
   * True if the BKL keeps {@code mm}'s listed VMAs in the list in its era: where every path that
   * frees a VMA runs under it (2.1/2.2: {@code sys_munmap}, {@code sys_mprotect}'s
   * {@code merge_segments}, {@code do_exit}, per {@link dev.mmcheck.model.Discipline#syscallsTakeBkl})
   * or where {@code do_munmap} interlocks with it (seed 002: "Vma existance gurantee ... relies on
   * the fact that do_munmap() temporarily gets lock_kernel").
   */
  static boolean bklStabilises(MmStruct mm) {
    return mm.discipline.syscallsTakeBkl() || mm.discipline.bklInterlock();
  }

  /**
   * True if the holder of {@code held} keeps {@code mm}'s listed VMAs in the list in its era:
   * {@code mmap_sem} (either mode), the vmlist lock where the era has one, or the BKL where
   * {@link #bklStabilises}.
   */
  static boolean stabilises(List<Held> held, MmStruct mm) {
    return holds(held, mm.mmapSemObject()) || holds(held, mm.vmlistLockObject())
        || (bklStabilises(mm) && holds(held, mm.kernel.kernelLock));
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
