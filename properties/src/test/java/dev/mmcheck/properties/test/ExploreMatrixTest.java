package dev.mmcheck.properties.test;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints every scenario x era verdict (not asserted; for the README table). Run with -Dgroups=matrix. */
@Tag("matrix")
class ExploreMatrixTest {
  static final String[] ERAS = {"1998", "1998-fixed", "1999-pre", "1999-patch", "1999-final"};

  @Test
  void matrix() {
    String std = "deadlock,uncaught-exception,use-after-free,vma-list-invariants";
    for (String s : dev.mmcheck.model.scenario.ScenarioCatalog.entries().keySet()) {
      for (String era : ERAS) {
        Runs.run(s, Runs.params(era), std + (s.startsWith("hemment") ? ",pte-lost-update" : ""), Runs.OPTIONS);
      }
    }
  }
}
