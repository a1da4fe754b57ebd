package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.Key;
import dev.mmcheck.config.Namespace;
import dev.mmcheck.engine.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mmcheck keys}: the documented config keys (name, default, type, description), built-in
 * ones from {@link ConfigKeys} then the keys each registered scenario accepts.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = "Print every config key with its type, default and description.")
final class KeysCommand implements Callable<Integer> {
  private final Env env;

  KeysCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out().print(render(env.catalogs()));
    return ExitCodes.VERIFIED;
  }

  /** The table; deterministic for given catalogs. */
  static String render(Catalogs c) {
    StringBuilder sb = new StringBuilder();
    sb.append("built-in keys (set in a .jpf file as 'key = value', or on the command line as +key=value):\n");
    table(sb, ConfigKeys.ALL);
    for (Catalog.Entry e : c.scenarios()) {
      List<Key<?>> keys = new ArrayList<>();
      for (Namespace ns : Catalogs.namespacesOf(e)) {
        keys.addAll(ns.keys());
      }
      if (!keys.isEmpty()) {
        sb.append("\nkeys of scenario ").append(e.name()).append(":\n");
        table(sb, keys);
      }
    }
    return sb.toString();
  }

  /** Two lines per key: {@code name = default   (type)}, then the description indented. */
  private static void table(StringBuilder sb, List<Key<?>> keys) {
    for (Key<?> k : keys) {
      sb.append("  ").append(k.name()).append(" = ").append(defaultText(k))
          .append("   (").append(k.type().describe()).append(")\n")
          .append("      ").append(k.description()).append('\n');
    }
  }

  private static <T> String defaultText(Key<T> k) {
    return k.defaultValue() == null ? "" : k.type().format(k.defaultValue());
  }
}
