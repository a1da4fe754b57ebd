package dev.mmcheck.config;

import java.util.List;
import java.util.Objects;

/**
 * Extra keys a scenario accepts, all under one prefix such as {@code mm.} (for {@code mm.era},
 * {@code mm.threads}, ...). Keys of a namespace are typed and validated like built-in ones.
 *
 * @param prefix ends with {@code .}, e.g. {@code "mm."}
 * @param keys the declared keys; immutable; each name starts with {@code prefix}
 * @param open if {@code true}, undeclared keys under the prefix are accepted as plain strings (read
 *     them with {@link Config#raw}); if {@code false} they are unknown-key errors
 */
public record Namespace(String prefix, List<Key<?>> keys, boolean open) {

  public Namespace {
    Objects.requireNonNull(prefix, "prefix");
    keys = List.copyOf(keys);
    if (!prefix.endsWith(".") || prefix.length() < 2) {
      throw new IllegalArgumentException("namespace prefix must look like 'mm.': " + prefix);
    }
    for (Key<?> k : keys) {
      if (!k.name().startsWith(prefix)) {
        throw new IllegalArgumentException(k.name() + " is not under " + prefix);
      }
    }
  }

  /** A closed namespace: only {@code keys} are allowed under {@code prefix}. */
  public static Namespace of(String prefix, Key<?>... keys) {
    return new Namespace(prefix, List.of(keys), false);
  }

  /** Whether {@code key} is under this prefix. */
  public boolean covers(String key) {
    return key.startsWith(prefix);
  }
}
