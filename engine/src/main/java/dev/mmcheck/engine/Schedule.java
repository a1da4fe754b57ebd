package dev.mmcheck.engine;

import java.util.List;
import java.util.Map;

/**
 * A replayable schedule: which thread ran each event (and the value of each
 * {@code choose}). The op and object of each step are recorded too, so a replay of a model
 * that changed is detected and reported as a divergence. Serialisable (a cluster member sends
 * the schedule of each violation to the submitter, which replays it).
 *
 * @param scenario the scenario's name
 * @param meta free-form context (the CLI stores the config here so that a schedule file can be
 *     replayed on its own)
 * @param steps the decisions, one per event
 */
public record Schedule(String scenario, Map<String, String> meta, List<Step> steps)
    implements java.io.Serializable {
  public Schedule {
    meta = Map.copyOf(meta);
    steps = List.copyOf(steps);
  }

  /** Event {@code steps.indexOf(this)} was executed by thread {@code thread}. */
  public record Step(int thread, String threadName, int choice, String op, String object)
      implements java.io.Serializable {}

  public Schedule withMeta(Map<String, String> m) {
    return new Schedule(scenario, m, steps);
  }
}
