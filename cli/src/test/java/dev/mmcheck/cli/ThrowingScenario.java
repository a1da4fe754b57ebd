package dev.mmcheck.cli;

import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;

/** A scenario whose setup fails: the run is a model error (exit 4). Named by class in tests. */
public final class ThrowingScenario implements Scenario {
  @Override
  public void setup(World w) {
    throw new IllegalStateException("setup is broken on purpose");
  }
}
