package dev.mmcheck.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Stable thread ids for one search: a model thread gets the same id in every execution in
 * which it exists, whatever the order of the spawns that created it. A thread is identified by
 * its creator (a setup thread's creator is the setup) and its ordinal among the threads that
 * creator started; ids are handed out in order of first appearance, at most
 * {@link Execution#MAX_THREADS}. Sleep sets and wakeup sequences name threads by these ids
 * across executions.
 *
 * <p>Owned by one search; thread-safe (the workers of a parallel search share it).
 */
final class ThreadIds {
  private final Map<Long, Integer> ids = new HashMap<>();

  /** The id of the {@code ordinal}-th thread started by {@code creator} (-1 = setup). */
  synchronized int idFor(int creator, int ordinal) {
    long key = ((long) (creator + 1) << 32) | ordinal;
    Integer id = ids.get(key);
    if (id == null) {
      if (ids.size() == Execution.MAX_THREADS) {
        throw new IllegalStateException("more than " + Execution.MAX_THREADS
            + " distinct model threads in one search");
      }
      id = ids.size();
      ids.put(key, id);
    }
    return id;
  }
}
