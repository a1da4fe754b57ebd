package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

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
    return join(segments);
  }

  private static String join(List<Segment> segments) {
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
    Set<String> out = new LinkedHashSet<>();
    for (Segment s : segments) {
      out.add(s.origin().toString());
    }
    return String.join(", ", out);
  }

  /**
   * Applies a new contribution: an assignment replaces, an append adds. Copies the segments, so
   * a chain of {@code n} appends through this method costs O(n^2): the parser collects segments
   * in a {@link Builder} instead.
   */
  RawValue with(Segment s) {
    return builder().add(s).build();
  }

  Builder builder() {
    Builder b = new Builder(key);
    segments.forEach(b::add);
    return b;
  }

  /**
   * The segments of one key while a file is read: {@link #add} is amortised O(1), so {@code n}
   * appends to one key cost O(n) (the old copy-on-append cost O(n^2) time and memory). Not
   * thread-safe; single use.
   */
  static final class Builder {
    private final String key;
    private final List<Segment> segments = new ArrayList<>();

    Builder(String key) {
      this.key = Objects.requireNonNull(key, "key");
    }

    /** An assignment replaces everything so far, an append adds. Returns {@code this}. */
    Builder add(Segment s) {
      if (!s.append()) {
        segments.clear();
      }
      segments.add(s);
      return this;
    }

    /** The value's text so far, as {@link RawValue#text()}. O(length). */
    String text() {
      return RawValue.join(segments);
    }

    RawValue build() {
      return new RawValue(key, segments);
    }
  }
}
