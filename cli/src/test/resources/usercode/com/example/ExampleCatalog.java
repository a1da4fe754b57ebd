package com.example;

import dev.mmcheck.engine.Catalog;
import java.util.List;

/** Test catalog on a user class path. */
public final class ExampleCatalog implements Catalog {
  @Override
  public List<Entry> scenarios() {
    return List.of(new Entry("two-lockers", TwoLockers.class, "user: t1 A then B; t2 too, or B then A",
        List.of(new Param("two.crossed", "t2 takes B first", List.of("false", "true"), "false"))));
  }

  @Override
  public List<Entry> properties() {
    return List.of(new Entry("second-lock", SecondLock.class, "user: fires when a thread holds two locks"));
  }
}
