package dev.mmcheck.properties.test;

import dev.mmcheck.engine.Result;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("matrix")
class DebugTest {
  @Test
  void debug() {
    String scen = System.getProperty("scen", "kswapd-vs-mprotect");
    String era = System.getProperty("era", "1999-pre");
    String props = System.getProperty("props", "deadlock,uncaught-exception,use-after-free,vma-list-invariants");
    String[] kv = System.getProperty("kv", "").isEmpty() ? new String[0] : System.getProperty("kv").split(";");
    dev.mmcheck.engine.SearchOptions o = Runs.OPTIONS;
    if (Boolean.getBoolean("exhaustive")) {
      o = o.withStrategy(dev.mmcheck.engine.SearchOptions.Strategy.EXHAUSTIVE)
          .withMaxExecutions(Long.getLong("max", 0));
    }
    Result r = Runs.run(scen, Runs.params(era, kv), props, o);
    System.out.println(r.statistics());
    if (r instanceof Result.ViolationsFound f) {
      Runs.print(f.first());
      System.out.println(f.first().violation().details());
    }
  }
}
