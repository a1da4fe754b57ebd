package dev.mmcheck.engine;

/**
 * Stable thread ids for one search: a model thread gets the same id in every execution in
 * which it exists, whatever the order of the spawns that created it. A thread is identified by
 * its creator (a setup thread's creator is the setup) and its ordinal among the threads that
 * creator started; ids are handed out in order of first appearance, at most
 * {@link Execution#MAX_THREADS}. Sleep sets and wakeup sequences name threads by these ids
 * across executions.
 *
 * <p>Owned by one search; thread-safe (the workers of a parallel search share it): a lookup
 * reads an immutable array (at most 64 keys, the id is the index) without a lock, only a new
 * thread takes one (copy on write), so that workers do not contend for it at every spawn.
 */
final class ThreadIds {
  /** Key of the thread with id i at index i; replaced, never mutated. */
  private volatile long[] keys = new long[0];

  /** The id of the {@code ordinal}-th thread started by {@code creator} (-1 = setup). */
  int idFor(int creator, int ordinal) {
    long key = ((long) (creator + 1) << 32) | ordinal;
    int id = indexOf(keys, key);
    return id >= 0 ? id : add(key);
  }

  private synchronized int add(long key) {
    long[] k = keys;
    int id = indexOf(k, key);
    if (id >= 0) {
      return id;
    }
    if (k.length == Execution.MAX_THREADS) {
      throw new IllegalStateException("more than " + Execution.MAX_THREADS + " distinct model threads in one search");
    }
    long[] more = java.util.Arrays.copyOf(k, k.length + 1);
    more[k.length] = key;
    keys = more;
    return k.length;
  }

  private static int indexOf(long[] k, long key) {
    for (int i = 0; i < k.length; i++) {
      if (k[i] == key) {
        return i;
      }
    }
    return -1;
  }
}
