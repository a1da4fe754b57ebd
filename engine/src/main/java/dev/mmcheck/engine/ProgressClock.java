package dev.mmcheck.engine;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The clock the stall watchdog measures progress by: CPU time of this process minus time
 * spent in garbage collection (the collectors' pause time times the number of processors, an
 * upper bound of the CPU they used). A model thread stuck in a loop burns CPU; a machine
 * loaded by other processes gives this process less CPU, and a GC pause is subtracted, so
 * neither is mistaken for a stuck thread. Falls back to wall time where the JVM cannot
 * report process CPU time.
 */
final class ProgressClock {
  private ProgressClock() {}

  static long nanos() {
    long cpu = -1;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      cpu = os.getProcessCpuTime();
    }
    if (cpu < 0) {
      return System.nanoTime();
    }
    long gcMillis = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      gcMillis += Math.max(0, gc.getCollectionTime());
    }
    int cpus = Runtime.getRuntime().availableProcessors();
    return Math.max(0, cpu - gcMillis * 1_000_000L * cpus);
  }
}
