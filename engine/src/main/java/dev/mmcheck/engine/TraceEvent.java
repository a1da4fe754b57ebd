package dev.mmcheck.engine;

import java.util.List;

/**
 * An event of a counterexample, with where it happened in model code and what the thread
 * held just after it.
 *
 * @param event the event
 * @param location {@code File.java:line (Class.method)} of the innermost model frame
 * @param held the locks the thread held after the event, e.g. {@code [mm.mmap_sem(r)]}
 */
public record TraceEvent(Event event, String location, List<String> held) {
  public TraceEvent {
    held = List.copyOf(held);
  }
}
