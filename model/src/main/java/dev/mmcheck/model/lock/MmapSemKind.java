package dev.mmcheck.model.lock;

import dev.mmcheck.engine.RwSem;
import dev.mmcheck.engine.RwSemaphore;
import java.util.Locale;

/**
 * Which primitive a model's {@code mmap_sem} is: the kernel rw_semaphore (the engine's
 * {@link RwSemaphore}, used directly) or a full-range range lock ({@link FullRangeRwSem}).
 */
public enum MmapSemKind {
  RWSEM, FULL_RANGE;

  /** {@code rwsem} or {@code full-range} (config spelling). */
  public static MmapSemKind parse(String s) {
    return switch (s.trim().toLowerCase(Locale.ROOT)) {
      case "rwsem" -> RWSEM;
      case "full-range" -> FULL_RANGE;
      default -> throw new IllegalArgumentException("mm.mmapSem must be rwsem or full-range, not '" + s + "'");
    };
  }

  /** A new {@code mmap_sem} named {@code name}, lock class {@code mmap_sem}. */
  public RwSem create(String name) {
    return switch (this) {
      case RWSEM -> new RwSemaphore(name, "mmap_sem");
      case FULL_RANGE -> new FullRangeRwSem(name);
    };
  }
}
