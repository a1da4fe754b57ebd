package dev.mmcheck.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads Java PathFinder {@code .jpf} files into a {@link RawConfig}.
 *
 * <p>Syntax (Java properties, as JPF uses it):
 *
 * <ul>
 *   <li>{@code key = value} or {@code key=value}; key and value are trimmed. {@code key: value} and
 *       {@code key value} are not accepted. Keys use letters, digits and {@code . _ -}.
 *   <li>Lines whose first non-blank character is {@code #} or {@code !} are comments; blank lines are
 *       ignored. There are no end-of-line comments: {@code #} inside a value is part of it.
 *   <li>A line ending in an odd number of backslashes continues on the next line (the backslash is
 *       dropped, the next line's leading blanks too). Other backslashes are literal.
 *   <li>{@code key += value} and {@code +key = value} append: with a comma if the key already has a
 *       non-empty value, otherwise they just set it.
 *   <li>{@code ${key}} expands to the value of a key defined before (in this file, an included one,
 *       or by a command-line override, which wins); {@code ${config_path}} is the absolute folder of
 *       the file being read; {@code ${config_name}} is the name of the file given on the command
 *       line without {@code .jpf} (in every file it includes too, and in overrides; {@code
 *       command-line} without a file), so that {@code +report.json=out/${config_name}.json}
 *       gives each of several configs its own file. An unknown variable is an error.
 *   <li>Files are UTF-8. A byte-order mark or bytes that are not UTF-8 are errors naming the
 *       file and line (not silently part of the first key).
 *   <li>{@code @include = a.jpf, b.jpf} reads the files at this point, relative to the including
 *       file's folder; cycles are errors. {@code @using = base.jpf} is the same but reads each file
 *       at most once per run (it is skipped if it was already read by any directive).
 * </ul>
 *
 * <p>Command-line overrides ({@link CommandLineOverride}) are applied after the whole file; their
 * {@code ${config_path}} is the root file's folder (the working directory without a file).
 *
 * <p>Instances are single-use and not thread-safe; use the static methods.
 */
public final class JpfParser {

  private static final Pattern FILE_KEY = Pattern.compile("@?[A-Za-z0-9_.\\-]+");
  private static final String CONFIG_PATH = "config_path";
  private static final String CONFIG_NAME = "config_name";

  private final Map<String, RawValue.Builder> values = new LinkedHashMap<>();
  private final List<CommandLineOverride> overrides;
  private final Path rootDir;
  /** The root file's name without {@code .jpf}, for {@code ${config_name}}. */
  private final String rootName;
  /** Files being read, outermost first: absolute path -> display path. */
  private final Deque<Path[]> stack = new ArrayDeque<>();
  private final Set<Path> loaded = new HashSet<>();
  private final Set<String> expanding = new LinkedHashSet<>();
  private boolean applyingOverrides;

  private JpfParser(Path rootFile, List<CommandLineOverride> overrides) {
    this.overrides = List.copyOf(overrides);
    Path base = rootFile == null ? Path.of("") : rootFile.toAbsolutePath().normalize().getParent();
    this.rootDir = base == null ? Path.of("").toAbsolutePath() : base.toAbsolutePath();
    this.rootName = rootFile == null ? "command-line" : baseName(rootFile);
  }

  private static String baseName(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "config" : name.toString();
    return n.endsWith(".jpf") && n.length() > 4 ? n.substring(0, n.length() - 4) : n;
  }

  /**
   * Reads {@code file} (with its includes), then applies {@code overrides}.
   *
   * @param file the top-level {@code .jpf} file, or {@code null} to use overrides only
   * @param overrides command-line arguments of the form {@code +key=value} / {@code +key+=value}
   * @throws ConfigException on any syntax, include or variable error, with file and line
   */
  public static RawConfig parse(Path file, List<String> overrides) {
    List<CommandLineOverride> parsed = new ArrayList<>();
    for (String arg : overrides) {
      parsed.add(CommandLineOverride.parse(arg));
    }
    JpfParser p = new JpfParser(file, parsed);
    if (file != null) {
      p.read(file, null);
    }
    p.applyOverrides();
    Map<String, RawValue> built = new LinkedHashMap<>();
    p.values.forEach((k, b) -> built.put(k, b.build()));
    return new RawConfig(file, built);
  }

  /** {@link #parse(Path, List)} without overrides. */
  public static RawConfig parse(Path file) {
    return parse(file, List.of());
  }

  private void read(Path display, Origin includedFrom) {
    Path abs = display.toAbsolutePath().normalize();
    if (!Files.isRegularFile(abs)) {
      String what = Files.isDirectory(abs) ? "is a directory, not a file" : "file not found";
      if (includedFrom == null) {
        throw new ConfigException(Origin.of(display), what);
      }
      throw new ConfigException(
          includedFrom,
          "included file " + Origin.display(display) + ": " + what,
          "@include / @using paths are relative to the folder of the file that contains them");
    }
    Path id = realPath(abs);
    List<String> chain = new ArrayList<>();
    boolean inCycle = false;
    for (Path[] open : stack) {
      inCycle |= open[0].equals(id);
      if (inCycle) {
        chain.add(Origin.display(open[1]));
      }
    }
    if (inCycle) {
      chain.add(Origin.display(display));
      throw new ConfigException(includedFrom, "cyclic @include: " + String.join(" -> ", chain));
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(abs);
    } catch (IOException e) {
      throw new ConfigException(includedFrom == null ? Origin.of(display) : includedFrom,
          "cannot read " + Origin.display(display) + ": " + e.getMessage());
    }
    List<String> lines = Utf8Lines.decode(bytes, display);
    loaded.add(id);
    stack.addLast(new Path[] {id, display});
    try {
      readLines(lines, display, abs.getParent());
    } finally {
      stack.removeLast();
    }
  }

  private static Path realPath(Path abs) {
    try {
      return abs.toRealPath();
    } catch (IOException e) {
      return abs;
    }
  }

  private void readLines(List<String> lines, Path display, Path dir) {
    for (int i = 0; i < lines.size(); i++) {
      int first = i + 1;
      String line = lines.get(i).strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
        continue;
      }
      StringBuilder logical = new StringBuilder();
      while (endsWithContinuation(line) && i + 1 < lines.size()) {
        logical.append(line, 0, line.length() - 1);
        line = lines.get(++i).strip();
      }
      if (endsWithContinuation(line)) { // continuation on the last line of the file
        line = line.substring(0, line.length() - 1);
      }
      logical.append(line);
      statement(logical.toString().strip(), Origin.of(display, first), display, dir);
    }
  }

  private static boolean endsWithContinuation(String line) {
    int n = 0;
    for (int j = line.length() - 1; j >= 0 && line.charAt(j) == '\\'; j--) {
      n++;
    }
    return n % 2 == 1;
  }

  private void statement(String line, Origin origin, Path display, Path dir) {
    int eq = line.indexOf('=');
    String key = eq < 0 ? "" : line.substring(0, eq).strip();
    boolean append = false;
    if (key.endsWith("+")) {
      append = true;
      key = key.substring(0, key.length() - 1).strip();
    }
    if (key.startsWith("+")) {
      append = true;
      key = key.substring(1).strip();
    }
    if (!FILE_KEY.matcher(key).matches()) {
      throw new ConfigException(origin, "malformed line '" + line + "' (expected key = value)",
          "write one 'key = value' per line; '#' starts a comment line");
    }
    String value = expand(line.substring(eq + 1).strip(), origin, dir);
    if (key.startsWith("@")) {
      directive(key, append, value, origin, display);
    } else {
      put(new RawValue.Segment(value, origin, append), key);
    }
  }

  private void directive(String key, boolean append, String value, Origin origin, Path display) {
    boolean once = switch (key) {
      case "@include" -> false;
      case "@using" -> true;
      default -> throw new ConfigException(origin, "unknown directive '" + key + "'",
          "the directives are @include = file.jpf and @using = file.jpf");
    };
    if (append) {
      throw new ConfigException(origin, key + " does not support +=", "write " + key + " = file.jpf");
    }
    List<String> names = new ArrayList<>();
    for (String n : value.split(",")) {
      if (!n.isBlank()) {
        names.add(n.strip());
      }
    }
    if (names.isEmpty()) {
      throw new ConfigException(origin, key + " needs a file name");
    }
    Path parent = display.getParent() == null ? Path.of("") : display.getParent();
    for (String n : names) {
      Path target = parent.resolve(n);
      if (once && loaded.contains(realPath(target.toAbsolutePath().normalize()))) {
        continue;
      }
      read(target, origin);
    }
  }

  private void put(RawValue.Segment s, String key) {
    values.computeIfAbsent(key, RawValue.Builder::new).add(s);
  }

  private void applyOverrides() {
    applyingOverrides = true;
    for (CommandLineOverride o : overrides) {
      Origin origin = Origin.commandLine();
      put(new RawValue.Segment(expand(o.value(), origin, rootDir), origin, o.append()), o.key());
    }
  }

  /** Expands every {@code ${name}} in {@code text}. */
  private String expand(String text, Origin origin, Path dir) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (true) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        return out.append(text, i, text.length()).toString();
      }
      int end = text.indexOf('}', start + 2);
      if (end < 0) {
        throw new ConfigException(origin, "unterminated variable in '" + text + "' (missing '}')");
      }
      out.append(text, i, start);
      String name = text.substring(start + 2, end).strip();
      out.append(lookup(name, origin, dir));
      i = end + 1;
    }
  }

  private String lookup(String name, Origin origin, Path dir) {
    if (name.equals(CONFIG_PATH)) {
      return dir.toString();
    }
    if (name.equals(CONFIG_NAME)) {
      return rootName;
    }
    String v = applyingOverrides ? currentValue(name) : effectiveValue(name);
    if (v == null) {
      throw new ConfigException(origin, "undefined variable ${" + name + "}",
          "a variable must name a key set earlier (in this file, an included file or on the"
              + " command line), or be ${config_path} or ${config_name}");
    }
    return v;
  }

  private String currentValue(String name) {
    RawValue.Builder v = values.get(name);
    return v == null ? null : v.text();
  }

  /** While reading files: the value {@code name} will have once overrides are applied. */
  private String effectiveValue(String name) {
    if (!expanding.add(name)) {
      throw new ConfigException(Origin.commandLine(),
          "cyclic variable reference: ${" + String.join("} -> ${", expanding) + "} -> ${" + name + "}");
    }
    try {
      RawValue v = values.containsKey(name) ? values.get(name).build() : null;
      for (CommandLineOverride o : overrides) {
        if (o.key().equals(name)) {
          String text = expand(o.value(), Origin.commandLine(), rootDir);
          RawValue.Segment s = new RawValue.Segment(text, Origin.commandLine(), o.append());
          v = v == null ? new RawValue(name, List.of(s)) : v.with(s);
        }
      }
      return v == null ? null : v.text();
    } finally {
      expanding.remove(name);
    }
  }
}
