package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.ConfigKeys;
import dev.mmcheck.config.ConfigLoader;
import dev.mmcheck.config.Key;
import dev.mmcheck.config.NameResolver;
import dev.mmcheck.config.NamedClass;
import dev.mmcheck.config.Namespace;
import dev.mmcheck.config.RawConfig;
import dev.mmcheck.engine.Catalog;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mmcheck keys [<file.jpf>] [+key=value ...]}: the documented config keys (name,
 * default, type, description): the built-in ones from {@link ConfigKeys}, then the keys of each
 * registered scenario, property and listener that has parameters. With a config that names a
 * {@code target}: the keys of the classes it names (its scenario, properties and listeners,
 * including class-named ones with {@link dev.mmcheck.engine.Param} constructors and those on its
 * {@code classpath}) instead of every registered one.
 */
@Command(name = "keys", mixinStandardHelpOptions = true,
    description = {"Print every config key with its type, default and description.",
        "With a config: the keys of the scenario, properties and listeners it names."})
final class KeysCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "<file.jpf | +key=value>", arity = "0..*",
      description = "a config whose classes' keys to show, and overrides")
  List<String> args = new ArrayList<>();

  KeysCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      ConfigArgs ca = ConfigArgs.of(args);
      Optional<RawConfig> raw = ca.raw();
      if (raw.isEmpty()) {
        env.out().print(render(env.catalogs()));
        return ExitCodes.VERIFIED;
      }
      Catalogs c = new Runner(env.catalogs()).catalogsFor(raw.get());
      if (raw.get().get(ConfigKeys.TARGET.name()).isEmpty()) {
        env.out().print(render(c));
      } else {
        env.out().print(render(c, raw.get(), ca.display()));
      }
      return ExitCodes.VERIFIED;
    } catch (ConfigException e) {
      env.err().println(e.format());
      return ExitCodes.USAGE;
    }
  }

  /** The table of every registered class's keys; deterministic for given catalogs. */
  static String render(Catalogs c) {
    StringBuilder sb = builtins();
    List<String[]> kinds = List.of(new String[] {NameResolver.SCENARIO}, new String[] {NameResolver.PROPERTY},
        new String[] {NameResolver.LISTENER});
    for (String[] kind : kinds) {
      List<Catalog.Entry> entries = switch (kind[0]) {
        case NameResolver.SCENARIO -> c.scenarios();
        case NameResolver.PROPERTY -> c.properties();
        default -> c.listeners();
      };
      for (Catalog.Entry e : entries) {
        section(sb, kind[0] + " " + e.name(), Catalogs.namespacesOf(e));
      }
    }
    return sb.toString();
  }

  /** The keys {@code raw}'s named classes accept. @throws ConfigException if a name does not resolve */
  static String render(Catalogs c, RawConfig raw, String display) {
    StringBuilder sb = builtins();
    Set<Class<?>> seen = new HashSet<>();
    for (NamedClass nc : new ConfigLoader(c.resolver(), c.namespaces()).namedClasses(raw)) {
      if (seen.add(nc.type())) {
        List<Namespace> ns;
        try {
          ns = c.namespaces().namespacesFor(nc.type());
        } catch (ConfigException e) {
          throw e.at(nc.origin());
        }
        section(sb, nc.kind() + " " + nc.name() + " (" + display + ")", ns);
      }
    }
    return sb.toString();
  }

  private static StringBuilder builtins() {
    StringBuilder sb = new StringBuilder();
    sb.append("built-in keys (set in a .jpf file as 'key = value', or on the command line as +key=value):\n");
    table(sb, ConfigKeys.ALL);
    return sb;
  }

  private static void section(StringBuilder sb, String heading, List<Namespace> namespaces) {
    List<Key<?>> keys = new ArrayList<>();
    for (Namespace ns : namespaces) {
      keys.addAll(ns.keys());
    }
    if (!keys.isEmpty()) {
      sb.append("\nkeys of ").append(heading).append(":\n");
      table(sb, keys);
    }
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
