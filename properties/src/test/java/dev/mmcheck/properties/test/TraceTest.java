package dev.mmcheck.properties.test;

import dev.mmcheck.engine.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Prints the kswapd-vs-mprotect 1999-pre counterexample of the README walk-through. {@code -Dgroups=matrix}. */
@Tag("matrix")
class TraceTest {
  @Test
  void kswapdVsMprotectTrace() {
    Result r = Runs.run("kswapd-vs-mprotect", Runs.params("1999-pre"),
        "deadlock,uncaught-exception,use-after-free,vma-list-invariants", Runs.OPTIONS);
    Runs.print(((Result.ViolationsFound) r).first());
  }
}
