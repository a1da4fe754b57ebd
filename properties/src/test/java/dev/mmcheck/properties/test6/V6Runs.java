package dev.mmcheck.properties.test6;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.engine.props.UseAfterFree;
import dev.mmcheck.model.v6.V6Catalog;
import dev.mmcheck.properties.V6PropertyCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper (part 4): runs a part-4 scenario with named properties. */
final class V6Runs {
  private V6Runs() {}

  static Map<String, String> params(String era, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mm.era", era);
    for (String s : kv) {
      int eq = s.indexOf('=');
      m.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return m;
  }

  static List<Property> props(String... names) {
    List<Property> out = new ArrayList<>(List.of(new DeadlockFreedom(), new NoUncaughtException()));
    for (String n : names) {
      out.add(n.equals("use-after-free") ? new UseAfterFree() : V6PropertyCatalog.create(n));
    }
    return out;
  }

  static Scenario scenario(String name, Map<String, String> params) {
    return new V6Catalog().create(name, params);
  }

  static Result run(String scenario, Map<String, String> params, List<Property> props) {
    Result r = Checker.of(scenario(scenario, params)).with(props).run();
    System.out.printf("V6 %-28s %-70s -> %s (%d executions)%n", scenario, params, verdict(r),
        r.statistics().executions());
    return r;
  }

  static String verdict(Result r) {
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> "violation " + f.first().violation().property();
      case Result.BoundReached b -> "bound " + b.boundsHit();
      case Result.ModelError e -> "model-error " + e.message();
    };
  }

  static String message(Result r) {
    return r instanceof Result.ViolationsFound f ? f.first().violation().message() : verdict(r);
  }
}
