package dev.mmcheck.cli;

import dev.mmcheck.engine.Catalog;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code mmcheck list}: every registered scenario (with its parameters), property and listener,
 * with its one-line description, from all catalogs on the class path.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "Print the scenarios, properties and listeners a config can name.")
final class ListCommand implements Callable<Integer> {
  private final Env env;

  ListCommand(Env env) {
    this.env = env;
  }

  @Override
  public Integer call() {
    env.out().print(render(env.catalogs()));
    return ExitCodes.VERIFIED;
  }

  /** The listing; deterministic for given catalogs (entries sorted by name). */
  static String render(Catalogs c) {
    StringBuilder sb = new StringBuilder();
    section(sb, "scenarios (target = <name>)", c.scenarios(), true);
    section(sb, "properties (search.properties += <name>, expect = violation <name>)", c.properties(), false);
    section(sb, "listeners (listener += <name>)", c.listeners(), false);
    sb.append("A fully qualified class name works too (a Scenario, Property or Listener with a public constructor).\n");
    return sb.toString();
  }

  private static void section(StringBuilder sb, String heading, List<Catalog.Entry> entries, boolean params) {
    sb.append(heading).append(":\n");
    if (entries.isEmpty()) {
      sb.append("  (none registered)\n");
    }
    int width = entries.stream().mapToInt(e -> e.name().length()).max().orElse(0);
    for (Catalog.Entry e : entries) {
      sb.append("  ").append(pad(e.name(), width)).append("  ").append(e.description()).append('\n');
      if (params) {
        for (Catalog.Param p : e.params()) {
          String choices = p.choices().isEmpty() ? "" : " (" + String.join(", ", p.choices()) + ")";
          sb.append("  ").append(pad("", width)).append("    ")
              .append(p.key()).append(" = ").append(p.defaultValue() == null ? "" : p.defaultValue())
              .append("   ").append(p.description()).append(choices).append('\n');
        }
      }
    }
    sb.append('\n');
  }

  static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
