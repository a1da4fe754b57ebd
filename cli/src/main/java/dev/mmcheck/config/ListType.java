package dev.mmcheck.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of strings. Elements are separated by commas and/or whitespace ({@code a, b c} ->
 * {@code [a, b, c]}), or by commas only for free-text lists such as {@code target.args}. Empty
 * elements are dropped; an empty text is an empty list. Lists are the only values that may be
 * appended to with {@code +=}. Parsed lists are immutable.
 */
public final class ListType implements ValueType<List<String>> {

  private static final Pattern COMMAS_OR_BLANKS = Pattern.compile("[,\\s]+");
  private static final Pattern COMMAS = Pattern.compile(",");

  private final boolean commasOnly;
  private final String nameKind;

  /**
   * @param commasOnly split on commas only (elements may contain blanks)
   * @param nameKind if not {@code null}, each element must be a name of this {@link NameResolver}
   *     kind
   */
  ListType(boolean commasOnly, String nameKind) {
    this.commasOnly = commasOnly;
    this.nameKind = nameKind;
  }

  @Override
  public List<String> parse(String text) {
    List<String> out = new ArrayList<>();
    for (String s : (commasOnly ? COMMAS : COMMAS_OR_BLANKS).split(text)) {
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
    return nameKind == null ? "list" : "list of " + nameKind + " names";
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
