package dev.mmcheck.engine.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Model source text for reports: the line of a stack frame, and the kernel function a model
 * frame mirrors with the first sentence of its Javadoc.
 *
 * <p>Sources are read from the class path under {@value #ROOT} (the build copies every
 * module's {@code src/main/java}, and for tests {@code src/test/java}, there: see the root
 * {@code pom.xml}), so they are found from the jars as well as from {@code target/classes}.
 * A frame whose file is not found has no source line; nothing fails.
 *
 * <p><b>Kernel function rule.</b> Model methods that mirror kernel functions carry the kernel
 * name in snake_case ({@code do_page_fault}, {@code unmap_fixup}); helpers are camelCase
 * ({@code lockKernel}) and scenario bodies are lambdas. The kernel function of an event is the
 * innermost model frame whose method name is snake_case (lower case with at least one
 * underscore). One-word kernel functions ({@code schedule}) are therefore not recognised;
 * the next snake_case caller is shown instead.
 *
 * <p>Caches each file it reads: one instance per report. Not thread-safe. Deterministic for a
 * given class path.
 */
public final class SourceLines {
  /** The class-path folder holding the copied sources. */
  public static final String ROOT = "mmcheck-sources/";

  private static final Pattern SNAKE = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)+");
  private static final Pattern DECL = Pattern.compile(
      "^\\s*(?:(?:public|private|protected|static|final|synchronized|abstract)\\s+)*[\\w<>\\[\\],.?]+(?:\\s*\\[\\])?\\s+(\\w+)\\s*\\(");
  private static final int MAX_SUMMARY = 240;

  private final ClassLoader loader;
  private final Map<String, Source> files = new HashMap<>();

  private record Source(List<String> lines, Map<String, Function> functions) {}

  /**
   * A kernel function a model frame mirrors.
   *
   * @param name the function, e.g. {@code do_page_fault}
   * @param modelClass the simple (binary) name of the model class of the frame, e.g. {@code Memory}
   * @param file the model source file
   * @param line the declaration's line (1-based), 0 if not found
   * @param summary the first sentence of its Javadoc, {@code {@code}} and {@code {@link}} markup
   *     removed; empty if none
   */
  public record Function(String name, String modelClass, String file, int line, String summary) {}

  private SourceLines(ClassLoader loader) {
    this.loader = loader;
  }

  /** Sources from the class path of this class's loader. */
  public static SourceLines fromClasspath() {
    return new SourceLines(SourceLines.class.getClassLoader());
  }

  /** Sources from {@code loader}'s class path; {@code null}: none at all (no source lines shown). */
  public static SourceLines from(ClassLoader loader) {
    return new SourceLines(loader);
  }

  /** The trimmed text of {@code frame}'s line, if its source is on the class path. */
  public Optional<String> line(StackTraceElement frame) {
    Source s = source(frame);
    int n = frame.getLineNumber();
    if (s == null || n < 1 || n > s.lines().size()) {
      return Optional.empty();
    }
    return Optional.of(s.lines().get(n - 1).strip());
  }

  /** The kernel function of a model stack (innermost first), by the rule in the class comment. */
  public Optional<Function> kernelFunction(List<StackTraceElement> stack) {
    for (StackTraceElement f : stack) {
      if (SNAKE.matcher(f.getMethodName()).matches()) {
        String cls = f.getClassName();
        String simple = cls.substring(cls.lastIndexOf('.') + 1);
        Source s = source(f);
        Function fn = s == null ? null : s.functions().get(f.getMethodName());
        return Optional.of(fn != null ? new Function(fn.name(), simple, fn.file(), fn.line(), fn.summary())
            : new Function(f.getMethodName(), simple, f.getFileName(), 0, ""));
      }
    }
    return Optional.empty();
  }

  /** True if a method name follows the kernel-function convention (snake_case). */
  public static boolean isKernelName(String method) {
    return SNAKE.matcher(method).matches();
  }

  private Source source(StackTraceElement f) {
    if (loader == null || f.getFileName() == null) {
      return null;
    }
    String cls = f.getClassName();
    int dot = cls.lastIndexOf('.');
    String path = ROOT + (dot < 0 ? "" : cls.substring(0, dot).replace('.', '/') + "/") + f.getFileName();
    if (files.containsKey(path)) {
      return files.get(path);
    }
    Source s = null;
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in != null) {
        List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        String simple = f.getFileName().replace(".java", "");
        s = new Source(lines, functions(lines, simple, f.getFileName()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
    files.put(path, s);
    return s;
  }

  /** Snake_case methods declared in a file, with their Javadoc summaries (first declaration wins). */
  private static Map<String, Function> functions(List<String> lines, String cls, String file) {
    Map<String, Function> out = new HashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = DECL.matcher(lines.get(i));
      if (!m.find() || !isKernelName(m.group(1)) || out.containsKey(m.group(1))) {
        continue;
      }
      out.put(m.group(1), new Function(m.group(1), cls, file, i + 1, javadocBefore(lines, i)));
    }
    return out;
  }

  /** The first sentence of the Javadoc block that ends just above line {@code decl} (annotations skipped). */
  static String javadocBefore(List<String> lines, int decl) {
    int end = decl - 1;
    while (end >= 0 && lines.get(end).strip().startsWith("@")) {
      end--;
    }
    if (end < 0 || !lines.get(end).strip().endsWith("*/")) {
      return "";
    }
    int start = end;
    while (start >= 0 && !lines.get(start).strip().startsWith("/**")) {
      start--;
    }
    if (start < 0) {
      return "";
    }
    StringBuilder sb = new StringBuilder();
    for (int k = start; k <= end; k++) {
      String l = lines.get(k).strip();
      l = l.replaceFirst("^/\\*\\*", "").replaceFirst("\\*/$", "").replaceFirst("^\\*", "").strip();
      if (l.startsWith("@")) {
        break; // block tags: not part of the summary
      }
      if (!l.isEmpty()) {
        sb.append(sb.length() == 0 ? "" : " ").append(l);
      }
    }
    return firstSentence(plain(sb.toString()));
  }

  /** Javadoc markup to plain text: {@code {@code x}} to x, {@code {@link A#b}} to b, tags dropped. */
  static String plain(String s) {
    String t = s.replaceAll("\\{@(?:code|literal) ([^{}]*)\\}", "$1");
    t = t.replaceAll("\\{@link(?:plain)? (?:[\\w.]*#)?([\\w.]+)(?:\\([^)]*\\))?(?: [^}]*)?\\}", "$1");
    t = t.replaceAll("<[^>]+>", "");
    return t.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").replaceAll("\\s+", " ").strip();
  }

  private static String firstSentence(String s) {
    int cut = s.length();
    for (int i = 0; i + 1 < s.length(); i++) {
      if (s.charAt(i) == '.' && s.charAt(i + 1) == ' ' && !s.startsWith("e.g", Math.max(0, i - 3))
          && !s.startsWith("i.e", Math.max(0, i - 3))) {
        cut = i + 1;
        break;
      }
    }
    String out = s.substring(0, cut);
    return out.length() <= MAX_SUMMARY ? out : out.substring(0, MAX_SUMMARY - 3).stripTrailing() + "...";
  }
}
