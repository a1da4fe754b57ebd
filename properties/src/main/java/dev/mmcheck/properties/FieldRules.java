package dev.mmcheck.properties;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A "which lock protects what" table: {@link FieldRule}s, as data. The built-in tables (one per
 * part-4 era, the resources {@code field-protection-6.1.rules}, {@code -6.4}, {@code -6.15} next
 * to this class) transcribe LOCKING-HISTORY section 3 / Documentation/mm/process_addrs.rst for
 * the fields the model has. Text format, one rule per line (or per {@code ;} in a config value),
 * {@code #} starts a comment:
 *
 * <pre>
 *   vm_start, vm_end, vm_pgoff  write:          mmap(w) &amp; vma(w) &amp; rmap(w)
 *   anon_vma                    write-nonnull:  (mmap(any) | vma(r)) &amp; ptl | mmap(w) &amp; vma(w)
 * </pre>
 *
 * When several rules cover the same field and access, the last one wins ({@link #plus}: a user's
 * rule replaces the built-in one for that pair). Immutable.
 */
public final class FieldRules {
  /** No rules. */
  public static final FieldRules NONE = new FieldRules(List.of());

  private final List<FieldRule> rules;

  private FieldRules(List<FieldRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public List<FieldRule> rules() {
    return rules;
  }

  /** This table followed by {@code more} (whose rules win on the same field and access). */
  public FieldRules plus(FieldRules more) {
    List<FieldRule> all = new ArrayList<>(rules);
    all.addAll(more.rules);
    return new FieldRules(all);
  }

  /** The rule that applies to an access of {@code field}, or null: the last matching one. */
  public FieldRule find(String field, boolean write, Object value) {
    FieldRule found = null;
    for (FieldRule r : rules) {
      if (r.fields().contains(field) && r.access().covers(write, value)) {
        found = r;
      }
    }
    return found;
  }

  /** The built-in table of a part-4 era ({@code 6.1}, {@code 6.4}, {@code 6.15}). */
  public static FieldRules builtin(String era) {
    String res = "field-protection-" + era + ".rules";
    try (InputStream in = FieldRules.class.getResourceAsStream(res)) {
      if (in == null) {
        throw new IllegalArgumentException("no built-in field-protection table for era '" + era
            + "'; valid: 6.1, 6.4, 6.15");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), res);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Parses rules separated by newlines or {@code ;}; {@code source} names the text in errors
   * (e.g. the config key). An {@link IllegalArgumentException} names the rule number and the
   * problem.
   */
  public static FieldRules parse(String text, String source) {
    List<FieldRule> out = new ArrayList<>();
    int n = 0;
    for (String rawLine : text.split("\n")) {
      String noComment = rawLine.contains("#") ? rawLine.substring(0, rawLine.indexOf('#')) : rawLine;
      for (String raw : noComment.split(";")) {
        String line = raw.strip();
        if (line.isEmpty()) {
          continue;
        }
        n++;
        try {
          out.add(parseRule(line));
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(source + ": rule " + n + " '" + line + "': " + e.getMessage(), e);
        }
      }
    }
    return new FieldRules(out);
  }

  private static FieldRule parseRule(String line) {
    int colon = line.indexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("expected '<fields> <access>: <locks>'");
    }
    String[] head = line.substring(0, colon).trim().split("\\s+");
    if (head.length < 2) {
      throw new IllegalArgumentException("expected '<fields> <access>: <locks>' (fields, then read|write|"
          + "write-null|write-nonnull)");
    }
    FieldRule.Access access = FieldRule.Access.parse(head[head.length - 1]);
    Set<String> fields = new LinkedHashSet<>();
    for (String f : String.join(" ", Arrays.copyOf(head, head.length - 1)).split("[,\\s]+")) {
      if (!f.isBlank()) {
        if (!f.matches("[A-Za-z_][A-Za-z0-9_]*")) {
          throw new IllegalArgumentException("bad field name '" + f + "'");
        }
        fields.add(f);
      }
    }
    LockExpr e = LockExpr.parse(line.substring(colon + 1).trim());
    return new FieldRule(fields, access, e, line);
  }

  @Override
  public String toString() {
    return String.join("; ", rules.stream().map(FieldRule::text).toList());
  }
}
