package dev.mmcheck.model.lock;

import dev.mmcheck.engine.SyncObject;
import java.util.Locale;

/**
 * An {@code mmap_sem} as its users call it: {@code down_read}, {@code up_read},
 * {@code down_write}, {@code up_write}, {@code downgrade_write}. Implemented by the kernel
 * rw_semaphore ({@link RwsemMmapSem}) and by a range lock taken over the full range for every
 * call ({@link FullRangeMmapSem}): Laurent Dufour's "[RFC 4/4] Change mmap_sem to range lock"
 * (Apr 2017, Message-Id 1492698500-24219-1-git-send-email-ldufour@linux.vnet.ibm.com), which
 * replaced each {@code down_read(&mm->mmap_sem)} by {@code range_rwlock_init_full(&range);
 * range_read_lock(&mm->mmap_rw_tree, &range)} ("no functional change"). Both are named
 * {@code <mm>.mmap_sem} with lock class {@code mmap_sem}. Not thread-safe (used by model
 * threads, one at a time).
 */
public interface MmapSem {
  /** Which implementation. */
  enum Kind {
    RWSEM, FULL_RANGE;

    /** {@code rwsem} or {@code full-range} (config spelling). */
    public static Kind parse(String s) {
      return switch (s.trim().toLowerCase(Locale.ROOT)) {
        case "rwsem" -> RWSEM;
        case "full-range" -> FULL_RANGE;
        default -> throw new IllegalArgumentException("mm.mmapSem must be rwsem or full-range, not '" + s + "'");
      };
    }
  }

  void downRead();

  void upRead();

  void downWrite();

  void upWrite();

  /** {@code downgrade_write()}: the writer becomes a reader without releasing. */
  void downgradeWrite();

  /** The instance name, e.g. {@code mm.mmap_sem}. */
  default String name() {
    return object().name();
  }

  /** The engine primitive (for properties: held-lock lists name it). */
  SyncObject object();

  /** A new {@code mmap_sem} of {@code kind} named {@code name} (lock class {@code mmap_sem}). */
  static MmapSem create(Kind kind, String name) {
    return switch (kind) {
      case RWSEM -> new RwsemMmapSem(name);
      case FULL_RANGE -> new FullRangeMmapSem(name);
    };
  }
}
