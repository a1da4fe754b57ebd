package dev.mmcheck.properties.test;

import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prints every scenario x era verdict under DPOR and, with -Dmatrix.exhaustive=true, under the
 * EXHAUSTIVE strategy too, flagging disagreements (a DPOR miss would show as DPOR verified,
 * EXHAUSTIVE violated). Not run by default: {@code -Dgroups=matrix}.
 */
@Tag("matrix")
class ExploreMatrixTest {
  static final String[] ERAS = java.util.Arrays.stream(dev.mmcheck.model.Era.values()).map(dev.mmcheck.model.Era::id)
      .toArray(String[]::new);

  @Test
  void matrix() {
    boolean ex = Boolean.getBoolean("matrix.exhaustive");
    String std = "deadlock,uncaught-exception,use-after-free,vma-list-invariants,vma-existence";
    for (String s : dev.mmcheck.model.scenario.ScenarioCatalog.entries().keySet()) {
      for (String era : ERAS) {
        String props = std + (s.startsWith("hemment") ? ",pte-lost-update" : "");
        Result d = Runs.run(s, Runs.params(era), props, Runs.OPTIONS);
        if (ex) {
          Result e = Runs.run(s, Runs.params(era), props,
              Runs.OPTIONS.withStrategy(SearchOptions.Strategy.EXHAUSTIVE).withMultipleErrors(false));
          boolean dv = d instanceof Result.Verified;
          boolean ev = e instanceof Result.Verified;
          if (dv != ev) {
            System.out.println("  !!! DPOR and EXHAUSTIVE disagree: " + Runs.verdict(d) + " vs " + Runs.verdict(e));
          }
        }
      }
    }
  }
}
