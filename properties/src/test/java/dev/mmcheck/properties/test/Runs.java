package dev.mmcheck.properties.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.SearchOptions;
import dev.mmcheck.engine.TraceEvent;
import dev.mmcheck.engine.props.DeadlockFreedom;
import dev.mmcheck.engine.props.NoUncaughtException;
import dev.mmcheck.engine.props.SleepInAtomic;
import dev.mmcheck.engine.props.UseAfterFree;
import dev.mmcheck.model.scenario.ScenarioCatalog;
import dev.mmcheck.properties.PropertyCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helper (parts 1 and 2): runs a catalog scenario with named properties and checks the verdict. */
public final class Runs {
  private Runs() {}

  public static final SearchOptions OPTIONS = SearchOptions.defaults().withTimeLimit(Duration.ofSeconds(120));

  /** {@code "k=v,k=v"} -> map. */
  public static Map<String, String> params(String era, String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("mm.era", era);
    for (String s : kv) {
      int eq = s.indexOf('=');
      m.put(s.substring(0, eq), s.substring(eq + 1));
    }
    return m;
  }

  public static List<Property> props(String csv) {
    List<Property> out = new ArrayList<>();
    for (String n : csv.split(",")) {
      String name = n.trim();
      out.add(switch (name) {
        case "deadlock" -> new DeadlockFreedom();
        case "uncaught-exception" -> new NoUncaughtException();
        case "use-after-free" -> new UseAfterFree();
        case "sleep-in-atomic" -> new SleepInAtomic();
        case "lock-held-at-exit" -> new dev.mmcheck.engine.props.LockHeldAtExit();
        case "lock-order" -> new dev.mmcheck.engine.props.LockOrder();
        default -> PropertyCatalog.create(name);
      });
    }
    return out;
  }

  public static Result run(String scenario, Map<String, String> params, String properties, SearchOptions options) {
    Result r = Checker.of(ScenarioCatalog.create(scenario, params)).with(props(properties)).options(options).run();
    System.out.printf("%-28s %-60s -> %-40s executions=%d events=%d time=%dms%n", scenario, params, verdict(r),
        r.statistics().executions(), r.statistics().events(), r.statistics().wallMillis());
    if (r instanceof Result.ModelError e) {
      System.out.println("MODEL ERROR: " + e.message());
      if (e.context() != null) {
        print(e.context());
      }
    }
    return r;
  }

  /** "verified", "violation <property>", "bound", or "model-error". */
  public static String verdict(Result r) {
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> "violation " + f.first().violation().property();
      case Result.BoundReached b -> "bound " + b.boundsHit();
      case Result.ModelError e -> "model-error";
    };
  }

  /** Runs and asserts the verdict; on a violation prints the counterexample. */
  public static Result expect(String expected, String scenario, Map<String, String> params, String properties) {
    Result r = run(scenario, params, properties, OPTIONS);
    if (r instanceof Result.ViolationsFound f) {
      System.out.println("  " + f.first().violation().message());
    }
    if (!expected.equals(verdict(r)) && r instanceof Result.ViolationsFound f) {
      print(f.first());
    }
    assertEquals(expected, verdict(r), scenario + " " + params);
    return r;
  }

  /** The message of the first violation, then its detail lines. */
  public static String message(Result r) {
    if (r instanceof Result.ViolationsFound f) {
      Counterexample c = f.first();
      return c.violation().message() + "\n" + String.join("\n", c.violation().details());
    }
    fail("expected a violation, got " + verdict(r));
    return null;
  }

  public static void print(Counterexample c) {
    System.out.println("  counterexample (execution " + c.execution() + "): " + c.violation().message());
    for (TraceEvent t : c.trace()) {
      System.out.printf("  %3d %-9s %-46s %-42s %s%n", t.event().index(), t.event().thread(), t.event().describe(),
          t.location(), t.held());
    }
  }
}
