package dev.mmcheck.model;

import java.util.Map;

/**
 * Reading era knobs from a scenario's parameters ({@code mm.<knob>} keys), the same for every
 * part's discipline record ({@link Discipline}, {@code Discipline26}, {@code Discipline17},
 * {@code Discipline18}, {@code Discipline6}): a knob is overridden unless it is absent, empty or
 * {@code era} (the era's own value). Stateless.
 */
public final class Knobs {
  private Knobs() {}

  /** True if {@code key} is set to something other than empty or {@code era}. */
  public static boolean given(Map<String, String> p, String key) {
    String v = p.get(key);
    return v != null && !v.isBlank() && !v.trim().equals("era");
  }

  /**
   * The boolean knob {@code mm.<knob>}: {@code true} / {@code false}, or {@code dflt} when not
   * {@linkplain #given given}.
   *
   * @throws IllegalArgumentException for any other value, naming the key and the valid values
   */
  public static boolean bool(Map<String, String> p, String knob, boolean dflt) {
    if (!given(p, "mm." + knob)) {
      return dflt;
    }
    String v = p.get("mm." + knob).trim();
    return switch (v) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("mm." + knob + " must be true, false or era, not '" + v + "'");
    };
  }
}
