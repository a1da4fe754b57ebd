package dev.mmcheck.properties;

import java.util.Set;

/**
 * One row of a "which lock protects what" table: an access to any of {@code fields} must happen
 * with {@code requires} true. Field names are the cell's field: {@code vm_start}, {@code anon_vma},
 * ... for a VMA; {@code pte} for a page-table entry (index dropped). Immutable.
 *
 * @param fields the fields the row covers
 * @param access which accesses it covers
 * @param requires the lock requirement
 * @param text the row as written (for reports)
 */
public record FieldRule(Set<String> fields, Access access, LockExpr requires, String text) {
  /** The accesses a rule can cover. */
  public enum Access {
    READ("read"), WRITE("write"), WRITE_NULL("write-null"), WRITE_NONNULL("write-nonnull");

    final String spelling;

    Access(String spelling) {
      this.spelling = spelling;
    }

    /** Does a read ({@code write=false}) or a write of {@code value} fall under this access? */
    boolean covers(boolean write, Object value) {
      return switch (this) {
        case READ -> !write;
        case WRITE -> write;
        case WRITE_NULL -> write && value == null;
        case WRITE_NONNULL -> write && value != null;
      };
    }

    static Access parse(String s) {
      for (Access a : values()) {
        if (a.spelling.equals(s)) {
          return a;
        }
      }
      throw new IllegalArgumentException("unknown access '" + s + "'; valid: read, write, write-null, write-nonnull");
    }
  }

  public FieldRule {
    fields = Set.copyOf(fields);
  }
}
