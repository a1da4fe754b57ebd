package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of strings. Elements are separated by commas and/or whitespace ({@code a, b c} ->
 * {@code [a, b, c]}), by commas only for free-text lists such as {@code target.args}, or by
 * {@code ,} {@code ;} {@code :} for path lists such as {@code classpath} (elements may contain
 * blanks). Empty elements are dropped; an empty text is an empty list. Lists are the only values
 * that may be appended to with {@code +=}. Parsed lists are immutable.
 */
public final class ListType implements ValueType<List<String>> {

  static final Pattern COMMAS_OR_BLANKS = Pattern.compile("[,\\s]+");
  static final Pattern COMMAS = Pattern.compile(",");
  /** The separators of a path list: as JPF's {@code classpath}, plus the platform's {@code :}. */
  public static final Pattern PATH_SEPARATORS = Pattern.compile("[,;:]");

  private final Pattern separators;
  private final String nameKind;
  private final String describe;

  /**
   * @param commasOnly split on commas only (elements may contain blanks)
   * @param nameKind if not {@code null}, each element must be a name of this {@link NameResolver}
   *     kind
   */
  ListType(boolean commasOnly, String nameKind) {
    this(commasOnly ? COMMAS : COMMAS_OR_BLANKS, nameKind, nameKind == null ? "list" : "list of " + nameKind + " names");
  }

  ListType(Pattern separators, String nameKind, String describe) {
    this.separators = separators;
    this.nameKind = nameKind;
    this.describe = describe;
  }

  @Override
  public List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    for (String s : separators.split(text)) {
      if (!s.isBlank()) {
        out.add(s.strip());
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String format(List<String> value) {
    return String.join(", ", value);
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public void checkNames(List<String> value, NameResolver resolver) {
    if (nameKind != null) {
      for (String name : value) {
        resolver.resolve(nameKind, name);
      }
    }
  }
}
