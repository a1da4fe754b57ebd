package dev.mmcheck.cli;

import dev.mmcheck.config.ConfigException;
import dev.mmcheck.config.RawConfig;
import dev.mmcheck.engine.Catalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code mmcheck list [<file.jpf>] [+classpath=...]}: every registered scenario, property and
 * listener (with its parameters) and its one-line description, from all catalogs on the class
 * path, plus those on the given config's {@code classpath}.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = {"Print the scenarios, properties and listeners a config can name.",
        "With a config (or +classpath=...), the catalogs on its classpath are included."})
final class ListCommand implements Callable<Integer> {
  private final Env env;

  @Parameters(paramLabel = "<file.jpf | +key=value>", arity = "0..*",
      description = "a config whose classpath to include, and overrides (e.g. +classpath=target/classes)")
  List<String> args = new ArrayList<>();

  ListCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    try {
      Optional<RawConfig> raw = ConfigArgs.of(args).raw();
      Catalogs c = raw.isEmpty() ? env.catalogs() : new Runner(env.catalogs()).catalogsFor(raw.get());
      env.out().print(render(c));
      return ExitCodes.VERIFIED;
    } catch (ConfigException e) {
      env.err().println(e.format());
      return ExitCodes.USAGE;
    }
  }

  /** The listing; deterministic for given catalogs (entries sorted by name). */
  static String render(Catalogs c) {
    StringBuilder sb = new StringBuilder();
    section(sb, "scenarios (target = <name>)", c.scenarios());
    section(sb, "properties (search.properties += <name>, expect = violation <name>)", c.properties());
    section(sb, "listeners (listener += <name>)", c.listeners());
    sb.append("A fully qualified class name works too (a Scenario, Property or Listener with a public constructor;\n")
        .append("its @Param constructor parameters become keys: mmcheck keys <file.jpf> lists them).\n");
    return sb.toString();
  }

  private static void section(StringBuilder sb, String heading, List<Catalog.Entry> entries) {
    sb.append(heading).append(":\n");
    if (entries.isEmpty()) {
      sb.append("  (none registered)\n");
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (Catalog.Entry e : entries) {
      sb.append("  ").append(pad(e.name(), width)).append("  ").append(e.description()).append('\n');
      for (Catalog.Param p : e.params()) {
        String choices = p.choices().isEmpty() ? "" : " (" + String.join(", ", p.choices()) + ")";
        sb.append("  ").append(pad("", width)).append("    ")
            .append(p.key()).append(" = ").append(p.defaultValue() == null ? "" : p.defaultValue())
            .append("   ").append(p.description()).append(choices).append('\n');
      }
    }
    sb.append('\n');
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
