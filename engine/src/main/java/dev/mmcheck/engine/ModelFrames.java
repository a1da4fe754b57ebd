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
   * The model frames of the current stack, innermost first, at most {@code max}. A model
   * thread's stack reads, innermost first: the runtime (and, during a callback, the listener
   * and the runtime again), then the model code, then the runtime frames that started the
   * thread. The model frames are the run of non-runtime frames just inside that bottom block,
   * so a listener's own frames are never taken for model code.
   */
  static List<StackTraceElement> current(int max) {
    List<StackWalker.StackFrame> frames = WALKER.walk(s -> s.collect(Collectors.toList()));
    int p = frames.size() - 1;
    while (p >= 0 && !isRuntimeFrame(frames.get(p).getClassName())) {
      p--; // JDK frames of the virtual thread
    }
    while (p >= 0 && !isModelFrame(frames.get(p).getClassName())) {
      p--; // the runtime frames that started the thread (or ran the scenario's setup)
    }
    if (p < 0) {
      return List.of(); // no model frame at all, e.g. a thread body that is a method reference to a primitive
    }
    int q = p;
    while (q > 0 && !isRuntimeFrame(frames.get(q - 1).getClassName())) {
      q--;
    }
    List<StackTraceElement> out = new java.util.ArrayList<>();
    for (int k = q; k <= p && out.size() < max; k++) {
      if (isModelFrame(frames.get(k).getClassName())) {
        out.add(frames.get(k).toStackTraceElement());
      }
    }
    return out;
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
