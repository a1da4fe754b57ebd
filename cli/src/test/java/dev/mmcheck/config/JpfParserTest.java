package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The .jpf syntax: what {@link JpfParser} accepts and the raw values it produces. */
class JpfParserTest {

  @TempDir Path dir;

  private static String text(RawConfig c, String key) {
    return c.get(key).orElseThrow().text();
  }

  @Test
  void keyValueWithAndWithoutBlanks() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1", "b=2", "  c   =   three words  ", "d =");
    RawConfig c = JpfParser.parse(f);
    assertEquals("1", text(c, "a"));
    assertEquals("2", text(c, "b"));
    assertEquals("three words", text(c, "c"));
    assertEquals("", text(c, "d"));
    assertEquals(List.of("a", "b", "c", "d"), List.copyOf(c.values().keySet()));
  }

  @Test
  void commentsAndBlankLinesAreIgnored() {
    Path f = TestFiles.write(dir, "x.jpf", "# comment = 1", "! also = 2", "", "   ", "  # indented",
        "a = x # not a comment");
    RawConfig c = JpfParser.parse(f);
    assertEquals(List.of("a"), List.copyOf(c.values().keySet()));
    assertEquals("x # not a comment", text(c, "a"));
  }

  @Test
  void lineContinuation() {
    Path f = TestFiles.write(dir, "x.jpf", "a = one, \\", "      two,\\", "three", "b = c:\\\\", "d = 4");
    RawConfig c = JpfParser.parse(f);
    assertEquals("one, two,three", text(c, "a"));
    assertEquals("c:\\\\", text(c, "b")); // even number of backslashes: no continuation
    assertEquals("4", text(c, "d"));
    assertEquals(new Origin(Origin.display(f), 1), c.get("a").orElseThrow().origin());
    assertEquals(5, c.get("d").orElseThrow().origin().line());
  }

  @Test
  void laterAssignmentReplaces() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1", "a = 2");
    RawConfig c = JpfParser.parse(f);
    assertEquals("2", text(c, "a"));
    assertEquals(2, c.get("a").orElseThrow().origin().line());
  }

  @Test
  void appendForms() {
    Path f = TestFiles.write(dir, "x.jpf", "a = x", "a += y", "+a = z", "b += first", "c =",
        "c += only", "d+=w");
    RawConfig c = JpfParser.parse(f);
    assertEquals("x,y,z", text(c, "a"));
    assertEquals("first", text(c, "b"));
    assertEquals("only", text(c, "c"));
    assertEquals("w", text(c, "d"));
    assertEquals("x.jpf:1, x.jpf:2, x.jpf:3".replace("x.jpf", Origin.display(f)),
        c.get("a").orElseThrow().origins());
  }

  @Test
  void variablesExpandAgainstEarlierKeys() {
    Path f = TestFiles.write(dir, "x.jpf", "base = abc", "a = ${base}/def", "b = ${ a }-${base}");
    RawConfig c = JpfParser.parse(f);
    assertEquals("abc/def", text(c, "a"));
    assertEquals("abc/def-abc", text(c, "b"));
  }

  @Test
  void configPathIsTheFolderOfTheFileBeingRead() {
    TestFiles.write(dir, "sub/inc.jpf", "inner = ${config_path}");
    Path f = TestFiles.write(dir, "x.jpf", "@include = sub/inc.jpf", "outer = ${config_path}/out");
    RawConfig c = JpfParser.parse(f);
    assertEquals(dir.resolve("sub").toAbsolutePath().toString(), text(c, "inner"));
    assertEquals(dir.toAbsolutePath() + "/out", text(c, "outer"));
  }

  @Test
  void includeIsRelativeToTheIncludingFileAndInlined() {
    TestFiles.write(dir, "conf/base/common.jpf", "a = base", "b = base", "shared = s");
    TestFiles.write(dir, "conf/base/extra.jpf", "e = ${shared}");
    Path f = TestFiles.write(dir, "conf/x.jpf", "a = before", "@include = base/common.jpf",
        "b = after", "@include = base/extra.jpf, ../other.jpf", "ref = ${a}");
    TestFiles.write(dir, "other.jpf", "o = 1");
    RawConfig c = JpfParser.parse(f);
    assertEquals("base", text(c, "a")); // included later than 'a = before'
    assertEquals("after", text(c, "b"));
    assertEquals("s", text(c, "e"));
    assertEquals("1", text(c, "o"));
    assertEquals("base", text(c, "ref"));
    assertTrue(c.get("a").orElseThrow().origin().source().endsWith("conf/base/common.jpf"));
  }

  @Test
  void includeTwiceReadsTwiceButUsingReadsOnce() {
    TestFiles.write(dir, "base.jpf", "n += b");
    Path f = TestFiles.write(dir, "x.jpf", "@include = base.jpf", "@include = base.jpf");
    assertEquals("b,b", text(JpfParser.parse(f), "n"));
    TestFiles.write(dir, "mid.jpf", "@using = base.jpf", "n += m");
    Path g = TestFiles.write(dir, "y.jpf", "@using = base.jpf", "@using = mid.jpf",
        "@using = ./base.jpf", "@using = mid.jpf");
    assertEquals("b,m", text(JpfParser.parse(g), "n"));
  }

  @Test
  void overridesWinOverFileAndIncludedValues() {
    TestFiles.write(dir, "base.jpf", "a = base", "l = x");
    Path f = TestFiles.write(dir, "x.jpf", "@include = base.jpf", "b = file");
    RawConfig c = JpfParser.parse(f, List.of("+a=cli", "+b = cli b", "+l+=y", "+new=1", "+l+=z"));
    assertEquals("cli", text(c, "a"));
    assertEquals("cli b", text(c, "b"));
    assertEquals("x,y,z", text(c, "l"));
    assertEquals("1", text(c, "new"));
    assertTrue(c.get("a").orElseThrow().origin().isCommandLine());
    assertEquals(Origin.display(dir.resolve("base.jpf")) + ":2, command line",
        c.get("l").orElseThrow().origins());
  }

  @Test
  void laterOverrideWins() {
    RawConfig c = JpfParser.parse(null, List.of("+a=1", "+a=2"));
    assertEquals("2", text(c, "a"));
    assertFalse(c.rootFile().isPresent());
    assertTrue(c.origin().isCommandLine());
  }

  @Test
  void fileVariablesSeeOverrides() {
    Path f = TestFiles.write(dir, "x.jpf", "a = file", "b = ${a}", "c = ${only_cli}",
        "l = p", "m = ${l}");
    RawConfig c = JpfParser.parse(f, List.of("+a=cli", "+only_cli=v", "+l+=q"));
    assertEquals("cli", text(c, "b"));
    assertEquals("v", text(c, "c"));
    assertEquals("p,q", text(c, "m"));
  }

  @Test
  void overrideVariablesSeeFileValuesAndConfigPath() {
    Path f = TestFiles.write(dir, "x.jpf", "a = file");
    RawConfig c = JpfParser.parse(f, List.of("+b=${a}!", "+out=${config_path}/o.json"));
    assertEquals("file!", text(c, "b"));
    assertEquals(dir.toAbsolutePath() + "/o.json", text(c, "out"));
  }

  @Test
  void appendOverrideOnItsOwnKeyUsesTheFileValue() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1");
    RawConfig c = JpfParser.parse(f, List.of("+a+=${a}2"));
    assertEquals("1,12", text(c, "a"));
  }
}
