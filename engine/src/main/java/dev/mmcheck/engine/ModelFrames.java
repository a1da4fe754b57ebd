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

  static boolean isRuntimeFrame(String className) {
    return className.startsWith(ENGINE) && className.indexOf('.', ENGINE.length()) < 0;
  }

  /**
   * The model frames of the current stack: everything outside the innermost run of runtime
   * frames. Frames inside it (a listener called back by the runtime) are not model code.
   */
  static List<StackTraceElement> current(int max) {
    return WALKER.walk(s -> {
      boolean[] seenRuntime = {false};
      boolean[] pastRuntime = {false};
      return s.filter(f -> {
        boolean rt = isRuntimeFrame(f.getClassName());
        if (!pastRuntime[0]) {
          if (rt) {
            seenRuntime[0] = true;
            return false;
          }
          if (!seenRuntime[0]) {
            return false;
          }
          pastRuntime[0] = true;
        }
        return !rt && isModelFrame(f.getClassName());
      }).limit(max).map(StackWalker.StackFrame::toStackTraceElement).collect(Collectors.toList());
    });
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
