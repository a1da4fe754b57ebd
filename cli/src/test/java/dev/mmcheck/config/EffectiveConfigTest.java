package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Config#effectiveLines} / {@link Config#render}. */
class EffectiveConfigTest {

  @TempDir Path dir;

  @Test
  void rendersValuesWithOriginsInSchemaOrder() {
    TestFiles.write(dir, "base.jpf", "search.properties = deadlock");
    Path f = TestFiles.write(dir, "x.jpf", "@include = base.jpf", "search.time_limit = 90s",
        "target = plain", "search.properties += lock-order");
    Config c = new ConfigLoader(Fixtures.resolver(), NamespaceProvider.NONE)
        .load(f, List.of("+search.strategy=exhaustive"));
    String x = Origin.display(f);
    String base = Origin.display(dir.resolve("base.jpf"));
    List<String> lines = c.effectiveLines(false);
    assertEquals(4, lines.size(), String.join("\n", lines));
    assertTrue(lines.get(0).matches("target = plain +# " + x + ":3"), lines.get(0));
    assertTrue(lines.get(1).matches(
        "search\\.properties = deadlock, lock-order +# " + base + ":1, " + x + ":4"), lines.get(1));
    assertTrue(lines.get(2).matches("search\\.time_limit = 90s +# " + x + ":2"), lines.get(2));
    assertTrue(lines.get(3).matches("search\\.strategy = exhaustive +# command line"), lines.get(3));
    int col = lines.get(0).indexOf('#');
    for (String l : lines) {
      assertEquals(col, l.indexOf('#'), "origins are aligned");
    }
  }

  @Test
  void renderIncludesDefaults() {
    Path f = TestFiles.write(dir, "x.jpf", "target = plain");
    Config c = new ConfigLoader(Fixtures.resolver(), NamespaceProvider.NONE).load(f, List.of());
    String out = c.render();
    assertTrue(out.contains("search.depth_limit = 10000"), out);
    assertTrue(out.matches("(?s).*search\\.time_limit = 0s +# default\n.*"), out);
    assertTrue(out.matches("(?s).*report\\.json = +# default\n.*"), out);
    assertTrue(!out.contains("expect"), out);
    assertTrue(out.endsWith("\n"));
  }
}
