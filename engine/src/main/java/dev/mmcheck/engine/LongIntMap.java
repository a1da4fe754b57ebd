package dev.mmcheck.engine;

import java.util.Arrays;

/** An open-addressing map from long keys to non-negative ints ({@link #get} is -1 when absent). */
final class LongIntMap {
  private long[] keys = new long[64];
  private int[] values = new int[64];
  private boolean[] used = new boolean[64];
  private int size;

  int get(long key) {
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; used[i]; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
    }
    return -1;
  }

  void put(long key, int value) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (used[i]) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      i = (i + 1) & mask;
    }
    used[i] = true;
    keys[i] = key;
    values[i] = value;
    size++;
  }

  void clear() {
    if (size > 0) {
      Arrays.fill(used, false);
      size = 0;
    }
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    boolean[] ou = used;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    used = new boolean[ok.length * 2];
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ou[i]) {
        put(ok[i], ov[i]);
      }
    }
  }

  private static int mix(long k) {
    long h = k * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }
}
