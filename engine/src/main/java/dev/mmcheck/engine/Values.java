package dev.mmcheck.engine;

/** Rendering of values in traces: numbers that look like addresses in hex. */
final class Values {
  private Values() {}

  static String show(Object v) {
    if (v instanceof Long l && (l >= 0x1000 || l <= -0x1000)) {
      return "0x" + Long.toHexString(l);
    }
    if (v instanceof Integer i && i >= 0x1000) {
      return "0x" + Integer.toHexString(i);
    }
    if (v instanceof Tracked t) {
      return t.name();
    }
    return String.valueOf(v);
  }
}
