package dev.mmcheck.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.function.Executable;

/** Every syntax/include/variable error: exact message and origin. */
class JpfParserErrorsTest {

  @TempDir Path dir;

  private static ConfigException fails(Executable e) {
    return assertThrows(ConfigException.class, e);
  }

  private String at(String file, int line) {
    return Origin.display(dir.resolve(file)) + (line > 0 ? ":" + line : "");
  }

  @Test
  void malformedLine() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1", "", "# c", "b = 2", "", "", "search.time_limit 30s");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 7) + ": malformed line 'search.time_limit 30s' (expected key = value)",
        e.getMessage());
    assertEquals(7, e.origin().orElseThrow().line());
    assertTrue(e.hint().isPresent());
    assertEquals(2, e.exitCode());
  }

  @Test
  void colonSyntaxAndBadKeysAreMalformed() {
    for (String line : List.of("a: b", "= value", "two words = x", "a/b = c", "+ = x")) {
      Path f = TestFiles.write(dir, "x.jpf", line);
      ConfigException e = fails(() -> JpfParser.parse(f));
      assertEquals(at("x.jpf", 1) + ": malformed line '" + line + "' (expected key = value)",
          e.getMessage(), line);
    }
  }

  @Test
  void fileNotFound() {
    Path f = dir.resolve("jpf-configs/x.jpf");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("jpf-configs/x.jpf", 0) + ": file not found", e.getMessage());
  }

  @Test
  void relativePathsAreShownAsGiven() {
    ConfigException e = fails(() -> JpfParser.parse(Path.of("jpf-configs/./nope/../x.jpf")));
    assertEquals("jpf-configs/x.jpf: file not found", e.getMessage());
  }

  @Test
  void directoryIsNotAFile() {
    ConfigException e = fails(() -> JpfParser.parse(dir));
    assertTrue(e.getMessage().endsWith(": is a directory, not a file"), e.getMessage());
  }

  @Test
  void includedFileNotFoundPointsAtTheIncludeLine() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1", "@include = missing.jpf");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 2) + ": included file " + at("missing.jpf", 0) + ": file not found",
        e.getMessage());
  }

  @Test
  void cyclicInclude() {
    Path a = TestFiles.write(dir, "a.jpf", "x = 1", "", "@include = b.jpf");
    TestFiles.write(dir, "b.jpf", "@include = a.jpf");
    ConfigException e = fails(() -> JpfParser.parse(a));
    assertEquals(at("b.jpf", 1) + ": cyclic @include: " + at("a.jpf", 0) + " -> "
        + at("b.jpf", 0) + " -> " + at("a.jpf", 0), e.getMessage());
  }

  @Test
  void selfIncludeIsACycle() {
    Path a = TestFiles.write(dir, "a.jpf", "@include = ./a.jpf");
    ConfigException e = fails(() -> JpfParser.parse(a));
    assertTrue(e.getMessage().startsWith(at("a.jpf", 1) + ": cyclic @include: "), e.getMessage());
  }

  @Test
  void usingDoesNotHideACycleItClosesItself() {
    // @using skips files already read, so using an open ancestor is not re-read (no cycle).
    Path a = TestFiles.write(dir, "a.jpf", "@using = b.jpf", "x = 1");
    TestFiles.write(dir, "b.jpf", "@using = a.jpf", "y = 2");
    RawConfig c = JpfParser.parse(a);
    assertEquals("2", c.get("y").orElseThrow().text());
  }

  @Test
  void undefinedVariable() {
    Path f = TestFiles.write(dir, "x.jpf", "a = 1", "b = ${a}", "c = x${foo}y");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 3) + ": undefined variable ${foo}", e.getMessage());
  }

  @Test
  void variableDefinedLaterIsUndefined() {
    Path f = TestFiles.write(dir, "x.jpf", "b = ${a}", "a = 1");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 1) + ": undefined variable ${a}", e.getMessage());
  }

  @Test
  void unterminatedVariable() {
    Path f = TestFiles.write(dir, "x.jpf", "a = ${b");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 1) + ": unterminated variable in '${b' (missing '}')", e.getMessage());
  }

  @Test
  void undefinedVariableInOverride() {
    ConfigException e = fails(() -> JpfParser.parse(null, List.of("+a=${nope}")));
    assertEquals("command line: undefined variable ${nope}", e.getMessage());
  }

  @Test
  void cyclicOverrideVariables() {
    Path f = TestFiles.write(dir, "x.jpf", "c = ${a}");
    ConfigException e = fails(() -> JpfParser.parse(f, List.of("+a=${b}", "+b=${a}")));
    assertEquals("command line: cyclic variable reference: ${a} -> ${b} -> ${a}", e.getMessage());
  }

  @Test
  void unknownDirective() {
    Path f = TestFiles.write(dir, "x.jpf", "@include_if = y.jpf");
    ConfigException e = fails(() -> JpfParser.parse(f));
    assertEquals(at("x.jpf", 1) + ": unknown directive '@include_if'", e.getMessage());
  }

  @Test
  void emptyOrAppendedInclude() {
    Path f = TestFiles.write(dir, "x.jpf", "@include =  , ");
    assertEquals(at("x.jpf", 1) + ": @include needs a file name",
        fails(() -> JpfParser.parse(f)).getMessage());
    Path g = TestFiles.write(dir, "y.jpf", "@using += x.jpf");
    assertEquals(at("y.jpf", 1) + ": @using does not support +=",
        fails(() -> JpfParser.parse(g)).getMessage());
  }

  @Test
  void malformedOverrides() {
    for (String arg : List.of("+novalue", "search.multiple_errors=true", "+=x", "+a b=c")) {
      ConfigException e = fails(() -> JpfParser.parse(null, List.of(arg)));
      assertEquals("command line: malformed override '" + arg + "' (expected +key=value)",
          e.getMessage(), arg);
      assertTrue(e.origin().orElseThrow().isCommandLine());
    }
    assertEquals("command line: directive '@include' is not allowed on the command line",
        fails(() -> JpfParser.parse(null, List.of("+@include=x.jpf"))).getMessage());
  }

  @Test
  void formatNeverNeedsAStackTrace() {
    Path f = TestFiles.write(dir, "x.jpf", "oops");
    String out = fails(() -> JpfParser.parse(f)).format();
    assertTrue(out.startsWith("error: " + at("x.jpf", 1) + ": malformed line 'oops'"), out);
    assertTrue(out.contains("hint: "), out);
  }
}
