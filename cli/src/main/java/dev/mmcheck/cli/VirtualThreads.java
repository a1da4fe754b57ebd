package dev.mmcheck.cli;

/**
 * The JVM's virtual-thread scheduler. The engine runs each search worker and its model threads
 * on a carrier of its own when the JVM lets it (the launcher's {@code --add-opens
 * java.base/java.lang=ALL-UNNAMED}; see the engine's {@code Carrier}), and on this scheduler
 * otherwise. The launcher starts the JVM with a parallelism of 1: a search hands control from
 * one model thread to the next thousands of times per execution, and on one carrier thread each
 * hand-off stays on its core. For the fallback, a parallel search ({@code search.workers} &gt; 1)
 * or {@code --jobs N} needs one carrier per worker, so the CLI raises the parallelism before the
 * first search of the command. The scheduler reads the setting once, when the first virtual
 * thread starts; after that, {@link #atLeast} has no effect (the search is still correct, only
 * not faster).
 */
final class VirtualThreads {
  static final String PARALLELISM = "jdk.virtualThreadScheduler.parallelism";
  static final String MAX_POOL_SIZE = "jdk.virtualThreadScheduler.maxPoolSize";

  private VirtualThreads() {}

  /** Sets the scheduler's parallelism (and pool size) to at least {@code n}, if it is lower. */
  static void atLeast(int n) {
    if (n <= 1) {
      return;
    }
    if (current(PARALLELISM) < n) {
      System.setProperty(PARALLELISM, Integer.toString(n));
    }
    if (current(MAX_POOL_SIZE) < n) {
      System.setProperty(MAX_POOL_SIZE, Integer.toString(n));
    }
  }

  private static int current(String key) {
    String v = System.getProperty(key);
    if (v == null) {
      return Integer.MAX_VALUE; // the JDK default: one carrier per core, so never lower it
    }
    try {
      return Integer.parseInt(v.strip());
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE;
    }
  }
}
