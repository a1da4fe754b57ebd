package dev.mmcheck.engine;

import java.util.List;
import java.util.stream.Collectors;

/** Stack walking that keeps only model-code frames. */
final class ModelFrames {
  private static final StackWalker WALKER = StackWalker.getInstance();
  private static final String ENGINE = "dev.mmcheck.engine.";

  private ModelFrames() {}

  static boolean isModelFrame(String className) {
    if (className.startsWith("java.") || className.startsWith("jdk.") || className.startsWith("sun.")) {
      return false;
    }
    // The engine's own package, but not its sub-packages (built-in properties, tests' models).
    return !(className.startsWith(ENGINE) && className.indexOf('.', ENGINE.length()) < 0);
  }

  static List<StackTraceElement> current(int max) {
    return WALKER.walk(s -> s.filter(f -> isModelFrame(f.getClassName()))
        .limit(max)
        .map(StackWalker.StackFrame::toStackTraceElement)
        .collect(Collectors.toList()));
  }

  /** {@code File.java:42 (Class.method)} for the innermost model frame, or "?". */
  static String location(List<StackTraceElement> frames) {
    return frames.isEmpty() ? "?" : format(frames.get(0));
  }

  static String format(StackTraceElement f) {
    String cls = f.getClassName();
    cls = cls.substring(cls.lastIndexOf('.') + 1);
    return f.getFileName() + ":" + f.getLineNumber() + " (" + cls + "." + f.getMethodName() + ")";
  }

  static List<StackTraceElement> modelFramesOf(Throwable t) {
    return List.of(t.getStackTrace()).stream().filter(f -> isModelFrame(f.getClassName())).toList();
  }
}
