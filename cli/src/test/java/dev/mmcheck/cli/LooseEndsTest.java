package dev.mmcheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.config.Config;
import dev.mmcheck.config.ConfigKeys;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a new user hit (issue 11, item 6), each pinned by a test that fails if it comes back. */
class LooseEndsTest {
  @TempDir
  Path tmp;

  @Test
  void eraKnobsAreChoiceKeysListingTheirValues() {
    Cli.Run keys = Cli.run("keys");
    assertEquals(0, keys.code(), keys.toString());
    assertTrue(keys.out().contains("  mm.vmlistLock = era   (one of: era, NONE, SEMAPHORE, PAGE_TABLE_LOCK)\n"),
        keys.toString());
    assertTrue(keys.out().contains("  mm.ptraceOrder = era   (one of: era, NO_LOCK, LOOKUP_THEN_LOCK, LOCK_THEN_LOOKUP)\n"),
        keys.toString());
    assertTrue(keys.out().contains("  mm.bklInterlock = era   (one of: era, true, false)\n"), keys.toString());
    assertFalse(keys.out().contains("mm.vmlistLock = era   (string)"), keys.toString());
  }

  @Test
  void aBadKnobValueNamesItsLineAndTheValues() throws IOException {
    Path f = Files.writeString(tmp.resolve("knob.jpf"),
        "target = kswapd-vs-mprotect\nmm.era = 1999-patch\nmm.vmlistLock = SPINLOCK\n");
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":3: mm.vmlistLock: expected one of: era, NONE, SEMAPHORE,"
        + " PAGE_TABLE_LOCK, got 'SPINLOCK'"), r.toString());
    assertFalse(r.err().contains("No enum constant"), r.toString());
    Path g = Files.writeString(tmp.resolve("bool.jpf"), "target = fault-vs-munmap\nmm.syscallsTakeMmapSem = yes\n");
    r = Cli.run(g.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + g + ":2: mm.syscallsTakeMmapSem: expected one of: era, true, false,"
        + " got 'yes'"), r.toString());
  }

  @Test
  void aByteOrderMarkIsAnErrorAtLineOne() throws IOException {
    Path f = tmp.resolve("bom.jpf");
    Files.write(f, concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, "target = abba\n"));
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":1: the file starts with a UTF-8 byte-order mark (BOM)"), r.toString());
    Path u = tmp.resolve("utf16.jpf");
    Files.write(u, "target = abba\n".getBytes(StandardCharsets.UTF_16));
    r = Cli.run(u.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + u + ":1: the file is UTF-16"), r.toString());
  }

  @Test
  void bytesThatAreNotUtf8NameTheFileLineAndColumn() throws IOException {
    Path f = tmp.resolve("latin1.jpf");
    Files.write(f, "# caf\u00e9 ok\ntarget = abba\n# na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    Cli.Run r = Cli.run(f.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + f + ":1: not UTF-8: byte 0xE9 at column 6 is not valid UTF-8"),
        r.toString());
    Path g = tmp.resolve("latin1b.jpf");
    Files.write(g, "target = abba\r\n\r\ntarget.args = na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
    r = Cli.run(g.toString());
    assertTrue(r.err().startsWith("error: " + g + ":3: not UTF-8: byte 0xEF at column 17"), r.toString());
    Path ok = Files.writeString(tmp.resolve("utf8.jpf"), "# caf\u00e9 \u2713\ntarget = abba-ordered\n");
    assertEquals(0, Cli.run(ok.toString()).code(), "real UTF-8 is fine");
  }

  @Test
  void severalConfigsWithOneReportFileAreRefusedBeforeAnyRun() throws IOException {
    Path a = Files.writeString(tmp.resolve("a.jpf"), "target = abba\n");
    Path b = Files.writeString(tmp.resolve("b.jpf"), "target = uaf\n");
    Path out = tmp.resolve("cex.json");
    Cli.Run r = Cli.run(a.toString(), b.toString(), "+report.json=" + out);
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: command line: report.json: " + out + " would be written by the runs of both "
        + a + " and " + b), r.toString());
    assertTrue(r.err().contains("+report.json=mmcheck-out/${config_name}.json"), r.toString());
    assertFalse(Files.exists(out), "nothing ran");
    assertEquals("", r.out(), "nothing ran");

    Cli.Run own = Cli.run(a.toString(), b.toString(), "+report.json=" + tmp + "/out/${config_name}.json");
    assertEquals(1, own.code(), own.toString());
    assertTrue(Files.exists(tmp.resolve("out/a.json")) && Files.exists(tmp.resolve("out/b.json")), own.toString());
  }

  @Test
  void jsonLibraryAdviceNeverReachesTheUser() throws IOException {
    for (String bad : List.of("nope nope", "{\"format\": ", "{\"format\": \"mmcheck-schedule/1\", x", "{\"format\" \"x\"}")) {
      Path f = Files.writeString(tmp.resolve("bad.json"), bad);
      Cli.Run r = Cli.run("replay", f.toString());
      assertEquals(2, r.code(), r.toString());
      assertTrue(r.err().startsWith("error: " + f + ": not valid JSON"), r.toString());
      for (String advice : List.of("gson", "Gson", "Troubleshooting", "setStrictness", "setLenient", "JsonReader")) {
        assertFalse(r.err().contains(advice), advice + " in\n" + r);
      }
    }
    assertEquals("not valid JSON: malformed JSON at line 1 column 7 path $", ReplayCommand.withoutLibraryAdvice(
        "not valid JSON: Use JsonReader.setStrictness(Strictness.LENIENT) to accept malformed JSON at line 1 column 7"
            + " path $\nSee https://github.com/google/gson/blob/main/Troubleshooting.md#malformed-json"));
    Path binary = tmp.resolve("bin.json");
    Files.write(binary, new byte[] {(byte) 0xFF, (byte) 0xFE, 0});
    Cli.Run r = Cli.run("replay", binary.toString());
    assertEquals(2, r.code(), r.toString());
    assertTrue(r.err().startsWith("error: " + binary + ": not UTF-8 text"), r.toString());
  }

  @Test
  void fortyThousandAppendsToOneKeyAreAllKeptInOrder() throws IOException {
    int n = 40_000;
    StringBuilder sb = new StringBuilder("target = abba-ordered\n");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      sb.append("target.args += a").append(i).append('\n');
      expected.add("a" + i);
    }
    Path f = Files.writeString(tmp.resolve("appends.jpf"), sb.toString());
    List<String> overrides = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      overrides.add("+target.args+=c" + i);
      expected.add("c" + i);
    }
    Config c = new Runner(Catalogs.load()).load(f, overrides);
    assertEquals(expected, c.get(ConfigKeys.TARGET_ARGS));
    assertEquals(2 * n, c.rawConfig().get("target.args").orElseThrow().segments().size());
    assertTrue(c.effectiveLines(false).stream().anyMatch(l -> l.startsWith("target.args = a0, a1, a2")),
        "the effective config shows the list");
  }

  private static byte[] concat(byte[] a, String b) {
    byte[] bb = b.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[a.length + bb.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(bb, 0, out, a.length, bb.length);
    return out;
  }
}
