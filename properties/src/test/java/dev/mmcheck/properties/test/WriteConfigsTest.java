package dev.mmcheck.properties.test;

import dev.mmcheck.engine.Result;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Writes jpf-configs/<scenario>-<era>[-variant].jpf with the verdict exploration gives today
 * (review the diff before committing: a changed verdict is a finding). {@code -Dgroups=matrix}.
 */
@Tag("matrix")
class WriteConfigsTest {
  static final String BASE = "deadlock, uncaught-exception, use-after-free";

  static String props(String scenario) {
    return switch (scenario) {
      case "fault-vs-mprotect", "kswapd-vs-mprotect" -> BASE + ", vma-list-invariants";
      case "stale-mmap-cache" -> BASE + ", vma-existence";
      case "hemment-recheck" -> BASE + ", pte-lost-update";
      default -> BASE;
    };
  }

  @Test
  void write() throws IOException {
    for (String s : ScenarioCatalog.entries().keySet()) {
      for (String era : ExploreMatrixTest.ERAS) {
        write(s, era, "", Map.of());
      }
    }
    write("stale-mmap-cache", "1999-patch", "-cache-in-lock", Map.of("mm.munmapClearsCacheInsideLock", "era"));
    write("rule4-stealing-under-lock", "1999-patch", "-obeying", Map.of("mm.allocUnderVmlistLock", "false"));
    write("rule5-two-stealers", "1999-patch", "-obeying", Map.of("mm.nestVictims", "false"));
    write("swapout-driver-uaf", "1999-patch", "-filemap", Map.of("mm.driver", "filemap"));
    write("hemment-recheck", "1998", "-with-rechecks", Map.of("mm.faultRechecks", "true"));
    write("hemment-recheck", "1998", "-wp", Map.of("mm.path", "wp"));
    write("hemment-recheck", "1998-fixed", "-wp", Map.of("mm.path", "wp"));
    write("kswapd-vs-mprotect", "1999-patch", "-no-vmlist-lock", Map.of("mm.vmlistLock", "NONE"));
    write("kswapd-vs-munmap", "1999-pre", "-no-bkl-interlock", Map.of("mm.bklInterlock", "false"));
  }

  static void write(String scenario, String era, String variant, Map<String, String> extra) throws IOException {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("mm.era", era);
    for (var p : ScenarioCatalog.find(scenario).params()) {
      if (!p.key().equals("mm.era") && !p.defaultValue().equals("era")) {
        params.put(p.key(), p.defaultValue());   // the scenario's own variant keys, spelled out
      }
    }
    params.putAll(extra);
    Result r = Runs.run(scenario, params, props(scenario).replace(" ", ""), Runs.OPTIONS);
    String v = Runs.verdict(r);
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(ScenarioCatalog.find(scenario).description()).append(" [").append(era)
        .append(variant.isEmpty() ? "" : ", " + variant.substring(1)).append(": ")
        .append(v.equals("verified") ? "verified" : "counterexample").append("]\n");
    sb.append("target = ").append(scenario).append('\n');
    params.forEach((k, val) -> sb.append(k).append(" = ").append(val).append('\n'));
    sb.append("search.properties = ").append(props(scenario)).append('\n');
    sb.append("expect = ").append(v.equals("violation deadlock") ? "deadlock" : v).append('\n');
    Files.writeString(JpfConfigs.dir().resolve(scenario + "-" + era + variant + ".jpf"), sb.toString());
  }
}
