package dev.mmcheck.engine;

import java.util.List;

/**
 * An event of a counterexample, with where it happened in model code and what the thread
 * held just after it.
 *
 * @param event the event
 * @param location {@code File.java:line (Class.method)} of the innermost model frame
 * @param held the locks the thread held after the event, e.g. {@code [mm.mmap_sem(r)]}
 * @param stack the model frames of the call, innermost first (full class names, so reports can
 *     show the source line and the kernel function); may be empty
 */
public record TraceEvent(Event event, String location, List<String> held, List<StackTraceElement> stack) {
  public TraceEvent {
    held = List.copyOf(held);
    stack = List.copyOf(stack);
  }

  /** Without the model stack. */
  public TraceEvent(Event event, String location, List<String> held) {
    this(event, location, held, List.of());
  }
}
