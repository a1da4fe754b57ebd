package dev.mmcheck.engine.report;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.NecessityReport;
import dev.mmcheck.engine.Site;
import java.util.List;

/**
 * The necessity analysis as JSON, versioned {@value #FORMAT} (documented in {@code cli/README.md},
 * section "necessity"):
 *
 * <pre>{@code
 * {
 *   "format": "mmcheck-necessity/1",
 *   "title": "two-locks (dev.mmcheck.engine.examples.TwoLocks)",
 *   "baseline": { "verdict": "verified", "summary": "no errors detected (exhaustive)", "executions": 2 },
 *   "analysed": true,                     // false if the baseline did not verify: no rows
 *   "frames": 1,                          // model frames per site location
 *   "sites": [ { "kind": "lock", "name": "data_lock", "operation": "mutex_lock",
 *                "location": "TwoLocks.java:21 (TwoLocks.lambda$setup$0)" }, ... ],  // first executed first
 *   "rows": [ { "removed": [ <site> ], "verdict": "load-bearing" | "redundant" | "inconclusive",
 *               "outcome": "violation" | "verified" | "bound" | "model-error",
 *               "property": "assertion", "message": "...", "events": 9, "preemptions": 1,   // violation only
 *               "boundsHit": ["search.max_executions"],                                    // bound only
 *               "modelError": "...",                                                       // model error only
 *               "executions": 2, "wallMillis": 12 } ],                                     // load-bearing first
 *   "pairs": { "requested": true, "candidates": 6, "maxPairs": 100, "tried": 6, "cut": false, "rows": [ ... ] },
 *   "interrupted": false
 * }
 * }</pre>
 *
 * Fields are only ever added within a format version. Pure; {@code mask} writes wall times as 0.
 */
public final class NecessityJson {
  /** The format tag written. */
  public static final String FORMAT = "mmcheck-necessity/1";

  private NecessityJson() {}

  /** The JSON text, ending with a newline. */
  public static String write(NecessityReport r, String title, boolean mask) {
    JsonObject j = new JsonObject();
    j.addProperty("format", FORMAT);
    j.addProperty("title", title);
    JsonObject b = new JsonObject();
    b.addProperty("verdict", ResultJson.verdict(r.baseline()));
    b.addProperty("summary", TextReport.verdict(r.baseline()));
    b.addProperty("executions", r.baseline().statistics() == null ? 0 : r.baseline().statistics().executions());
    j.add("baseline", b);
    j.addProperty("analysed", r.analysed());
    j.addProperty("frames", r.frames());
    JsonArray sites = new JsonArray();
    r.sites().forEach(s -> sites.add(site(s)));
    j.add("sites", sites);
    j.add("rows", rows(r.rows(), mask));
    JsonObject p = new JsonObject();
    p.addProperty("requested", r.pairsRequested());
    p.addProperty("candidates", r.pairCandidates());
    p.addProperty("maxPairs", r.maxPairs());
    p.addProperty("tried", r.pairs().size());
    p.addProperty("cut", r.pairsCut());
    p.add("rows", rows(r.pairs(), mask));
    j.add("pairs", p);
    j.addProperty("interrupted", r.interrupted());
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(j) + "\n";
  }

  private static JsonObject site(Site s) {
    JsonObject o = new JsonObject();
    o.addProperty("kind", s.kind().label());
    o.addProperty("name", s.name());
    o.addProperty("operation", s.operation());
    o.addProperty("location", s.location());
    return o;
  }

  private static JsonArray rows(List<NecessityReport.Row> rows, boolean mask) {
    JsonArray a = new JsonArray();
    for (NecessityReport.Row row : rows) {
      JsonObject o = new JsonObject();
      JsonArray removed = new JsonArray();
      row.removed().forEach(s -> removed.add(site(s)));
      o.add("removed", removed);
      o.addProperty("verdict", NecessityText.verdictWord(row.verdict()));
      switch (row.verdict()) {
        case NecessityReport.Verdict.Needed n -> {
          Counterexample c = n.counterexample();
          o.addProperty("outcome", "violation");
          o.addProperty("property", c.violation().property());
          o.addProperty("message", c.violation().message());
          o.addProperty("events", c.trace().size());
          o.addProperty("preemptions", c.preemptions());
        }
        case NecessityReport.Verdict.Redundant x -> o.addProperty("outcome", "verified");
        case NecessityReport.Verdict.NoViolationWithinBounds bounds -> {
          o.addProperty("outcome", "bound");
          JsonArray hit = new JsonArray();
          bounds.boundsHit().stream().map(Bound::configKey).forEach(hit::add);
          o.add("boundsHit", hit);
        }
        case NecessityReport.Verdict.ModelError e -> {
          o.addProperty("outcome", "model-error");
          o.addProperty("modelError", e.message());
        }
      }
      o.addProperty("executions", row.executions());
      o.addProperty("wallMillis", mask ? 0 : row.wallMillis());
      a.add(o);
    }
    return a;
  }
}
