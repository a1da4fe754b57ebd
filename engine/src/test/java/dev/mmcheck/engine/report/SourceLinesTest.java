package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Source lines and kernel functions from the sources the build copies onto the class path. */
class SourceLinesTest {
  private static StackTraceElement frame(Class<?> c, String method, String file, int line) {
    return new StackTraceElement(c.getName(), method, file, line);
  }

  @Test
  void readsTheLineOfAFrame() {
    SourceLines s = SourceLines.fromClasspath();
    StackTraceElement f = frame(GoldenScenarios.RecursiveRead.class, "get_user", "GoldenScenarios.java", 1);
    assertEquals("package dev.mmcheck.engine.report;", s.line(f).orElseThrow());
    assertTrue(s.line(frame(GoldenScenarios.class, "x", "GoldenScenarios.java", 100_000)).isEmpty(), "past the end");
    assertTrue(s.line(frame(String.class, "length", "String.java", 10)).isEmpty(), "JDK sources are not copied");
    assertTrue(SourceLines.from(null).line(f).isEmpty(), "no loader, no sources");
  }

  @Test
  void theKernelFunctionIsTheInnermostSnakeCaseFrameWithItsJavadoc() {
    SourceLines s = SourceLines.fromClasspath();
    List<StackTraceElement> stack = List.of(
        frame(GoldenScenarios.RecursiveRead.class, "lambda$setup$0", "GoldenScenarios.java", 95),
        frame(GoldenScenarios.RecursiveRead.class, "do_page_fault", "GoldenScenarios.java", 113),
        frame(GoldenScenarios.RecursiveRead.class, "get_user", "GoldenScenarios.java", 107));
    SourceLines.Function fn = s.kernelFunction(stack).orElseThrow();
    assertEquals("do_page_fault", fn.name());
    assertEquals("GoldenScenarios$RecursiveRead", fn.modelClass().substring(fn.modelClass().lastIndexOf('.') + 1));
    assertEquals("Stands for do_page_fault(): takes mmap_sem for read again.", fn.summary());
    assertTrue(fn.line() > 0);
    assertFalse(s.kernelFunction(List.of(frame(GoldenScenarios.Abba.class, "lambda$setup$0", "GoldenScenarios.java",
        24))).isPresent(), "a scenario lambda mirrors no kernel function");
    assertFalse(SourceLines.isKernelName("lockKernel"));
    assertTrue(SourceLines.isKernelName("swap_out_vma"));
  }

  @Test
  void javadocMarkupBecomesText() {
    assertEquals("Linux 2.2 do_page_fault(): down(&mm->mmap_sem), then find_vma.",
        SourceLines.javadocBefore(List.of("  /**", "   * Linux 2.2 {@code do_page_fault()}: {@code down(&mm->mmap_sem)},",
            "   * then {@link Mmap#find_vma}. More text.", "   * @param x ignored", "   */",
            "  public static void do_page_fault(int x) {"), 5));
    assertEquals("", SourceLines.javadocBefore(List.of("  // not javadoc", "  static void f_g() {"), 1));
    assertEquals("e.g. this one stays whole.", SourceLines.plain("e.g. this one stays whole.").replace("  ", " "));
  }
}
