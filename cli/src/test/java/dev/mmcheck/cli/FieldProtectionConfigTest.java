package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Part 4's field-protection rules from a config: a rule added in {@code field-protection.rules}
 * is checked (no Java needed), and a bad rule is a config error (exit 2) that names the file, the
 * key and the rule.
 */
class FieldProtectionConfigTest {
  @TempDir
  Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, text);
    return p;
  }

  @Test
  void aRuleFromTheConfigIsChecked() throws IOException {
    Path cfg = write("extra.jpf", """
        target = page-walk-vs-fault
        mm.era = 6.4
        mm.allFixes = true
        search.properties = field-protection
        field-protection.rules = vm_policy write: mmap(w) & vma(w) & anon_vma(w)
        expect = violation field-protection
        """);
    Cli.Run r = Cli.run("--check-expect", cfg.toString());
    assertEquals(0, r.code(), r.toString());
    assertTrue(r.out().contains("rule 'vm_policy write: mmap(w) & vma(w) & anon_vma(w)'"), r.toString());
    assertEquals(0, Cli.run("--check-expect", write("builtin.jpf", """
        target = page-walk-vs-fault
        mm.era = 6.4
        mm.allFixes = true
        search.properties = field-protection
        expect = verified
        """).toString()).code());
  }

  @Test
  void aBadRuleIsAConfigErrorNamingTheKeyAndTheRule() throws IOException {
    Path cfg = write("bad.jpf", """
        target = dup-anon-vma
        mm.era = 6.4
        search.properties = field-protection
        field-protection.rules = vm_flags write: mmap(q)
        """);
    Cli.Run r = Cli.run(cfg.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().contains("bad.jpf:3") && r.err().contains("field-protection.rules: rule 1 'vm_flags write: mmap(q)'")
        && r.err().contains("unknown lock 'mmap(q)'"), r.toString());
    Cli.Run table = Cli.run(write("table.jpf", """
        target = dup-anon-vma
        search.properties = field-protection
        field-protection.table = 5.10
        """).toString());
    assertEquals(2, table.code(), table.toString());
    assertTrue(table.err().contains("field-protection.table"), table.toString());
  }
}
