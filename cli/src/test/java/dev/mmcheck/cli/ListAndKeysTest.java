package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.examples.ExamplesCatalog;
import dev.mmcheck.engine.props.BuiltinCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code list} and {@code keys} against golden files. The goldens use a fixed set of catalogs
 * (the engine's built-ins and examples) so that they do not change when the model adds
 * scenarios; the real command is checked to run and include them.
 */
class ListAndKeysTest {
  private static final Catalogs FIXED = Catalogs.of(List.of(new BuiltinCatalog(), new ExamplesCatalog()));

  @Test
  void listMatchesGolden() {
    Cli.Run r = Cli.run(FIXED, "list");
    assertEquals(0, r.code(), r.toString());
    Golden.check("list.txt", r.out());
  }

  @Test
  void keysMatchesGolden() {
    Cli.Run r = Cli.run(FIXED, "keys");
    assertEquals(0, r.code(), r.toString());
    Golden.check("keys.txt", r.out());
  }

  @Test
  void realCatalogsIncludeTheEngineOnes() {
    Cli.Run r = Cli.run("list");
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("  abba ") && r.out().contains("  lock-order "), r.toString());
  }
}
