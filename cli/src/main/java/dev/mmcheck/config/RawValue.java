package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The untyped value of one key after includes, {@code +=} appends and overrides, as the list of
 * {@link Segment}s that built it: a plain assignment leaves one segment, each later append adds one.
 * Keeping segments lets errors point at the exact line that contributed a bad list element.
 *
 * @param key the key
 * @param segments at least one; immutable; in the order they were applied
 */
public record RawValue(String key, List<Segment> segments) {

  /**
   * One contribution to a value.
   *
   * @param text the expanded text, trimmed (may be empty)
   * @param origin where it was written
   * @param append whether it was written with {@code +=} / {@code +key=}
   */
  public record Segment(String text, Origin origin, boolean append) {
    public Segment {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(origin, "origin");
    }
  }

  public RawValue {
    Objects.requireNonNull(key, "key");
    segments = List.copyOf(segments);
    if (segments.isEmpty()) {
      throw new IllegalArgumentException("no segments for " + key);
    }
  }

  /** The value as one string: non-empty segments joined with {@code ","}. */
  public String text() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      if (s.text().isEmpty()) {
        continue;
      }
      if (!sb.isEmpty()) {
        sb.append(',');
      }
      sb.append(s.text());
    }
    return sb.toString();
  }

  /** The origin of the last contribution (where the value was last changed). */
  public Origin origin() {
    return segments.get(segments.size() - 1).origin();
  }

  /** The distinct origins of all segments, in order, e.g. {@code "a.jpf:3, command line"}. */
  public String origins() {
    List<String> out = new ArrayList<>();
    for (Segment s : segments) {
      String o = s.origin().toString();
      if (!out.contains(o)) {
        out.add(o);
      }
    }
    return String.join(", ", out);
  }

  /** Applies a new contribution: an assignment replaces, an append adds. */
  RawValue with(Segment s) {
    if (!s.append()) {
      return new RawValue(key, List.of(s));
    }
    List<Segment> next = new ArrayList<>(segments);
    next.add(s);
    return new RawValue(key, next);
  }
}
