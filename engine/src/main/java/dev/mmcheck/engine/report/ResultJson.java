package dev.mmcheck.engine.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.mmcheck.engine.Bound;
import dev.mmcheck.engine.Conflict;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.Result;
import dev.mmcheck.engine.Statistics;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Violation;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A whole run as JSON, for every verdict, versioned {@value #FORMAT} (the schema is documented
 * in {@code cli/README.md}, section "report.json"):
 *
 * <pre>{@code
 * {
 *   "format": "mmcheck-report/1",
 *   "title": "abba (dev.mmcheck.engine.examples.Abba)",
 *   "verdict": "violation",                 // verified | violation | bound | model-error
 *   "exhaustive": false,                    // true only for verified
 *   "boundsHit": ["search.max_executions"], // config keys of the bounds that cut the search
 *   "summary": "error #1: deadlock \"...\"",
 *   "startedAt": "2025-05-01T10:33:02.120Z", "finishedAt": "...",   // ISO-8601 or null
 *   "statistics": { "executions": 3, "completed": 1, ..., "wallMillis": 21, "peakHeapBytes": 0 },
 *   "config": ["target = abba   # abba.jpf:3", ...],
 *   "run": { ... },                         // what the caller adds (the CLI: config file, expect, exit code)
 *   "violations": [ { "property", "message", "details", "eventIndex", "thread", "end", "execution",
 *                     "events", "preemptions", "contextSwitches",
 *                     "conflict": { "rule": "deadlock-cycle", "events": [0, 1] } | null,
 *                     "blocked": [ { "thread", "op", "object", "location", "held", "holders",
 *                                    "queuedAhead", "requestEvent" } ] } ],
 *   "modelError": null,                     // or { "message": "..." }
 *   // for a violation, the first counterexample as in mmcheck-schedule/1 (what replay reads):
 *   "scenario", "meta", "violation", "end", "execution", "threads", "steps", "trace"
 * }
 * }</pre>
 *
 * <p>Fields are only ever added within a format version; a reader must ignore unknown fields.
 * {@link ScheduleJson#read} accepts this format. Pure; with
 * {@link ReportOptions#maskVolatile()} the timestamps are null and wall time and heap 0.
 */
public final class ResultJson {
  /** The format tag written. */
  public static final String FORMAT = "mmcheck-report/1";

  private ResultJson() {}

  /** The verdict name used in the {@code verdict} field. */
  public static String verdict(Result r) {
    return switch (r) {
      case Result.Verified v -> "verified";
      case Result.ViolationsFound f -> "violation";
      case Result.BoundReached b -> "bound";
      case Result.ModelError e -> "model-error";
    };
  }

  /**
   * The JSON text, ending with a newline. {@code first} replaces the first counterexample's
   * schedule fields (e.g. one whose schedule meta holds the config, so that replay needs
   * nothing else); null to use it as it is. {@code run}: string, number, boolean or null values
   * written under {@code "run"} in iteration order.
   */
  public static String write(Result r, ReportOptions o, Counterexample first, Map<String, ?> run) {
    JsonObject j = new JsonObject();
    j.addProperty("format", FORMAT);
    j.addProperty("title", o.title());
    j.addProperty("verdict", verdict(r));
    j.addProperty("exhaustive", r instanceof Result.Verified);
    List<Bound> bounds = switch (r) {
      case Result.BoundReached b -> b.boundsHit();
      case Result.ViolationsFound f -> f.boundsHit();
      case Result.Verified v -> List.of();
      case Result.ModelError e -> List.of();
    };
    JsonArray ba = new JsonArray();
    bounds.forEach(b -> ba.add(b.configKey()));
    j.add("boundsHit", ba);
    j.addProperty("summary", TextReport.verdict(r));
    Statistics s = r.statistics();
    j.add("startedAt", time(s == null ? null : s.startedAt(), o));
    j.add("finishedAt", time(s == null ? null : s.finishedAt(), o));
    j.add("statistics", statistics(s, o.maskVolatile()));
    JsonArray config = new JsonArray();
    o.config().forEach(config::add);
    j.add("config", config);
    JsonObject ro = new JsonObject();
    run.forEach((k, v) -> ro.add(k, value(v)));
    j.add("run", ro);
    JsonArray vs = new JsonArray();
    if (r instanceof Result.ViolationsFound f) {
      f.violations().forEach(c -> vs.add(violation(c)));
    }
    j.add("violations", vs);
    if (r instanceof Result.ModelError e) {
      JsonObject me = new JsonObject();
      me.addProperty("message", e.message());
      j.add("modelError", me);
    } else {
      j.add("modelError", JsonNull.INSTANCE);
    }
    if (r instanceof Result.ViolationsFound f) {
      ScheduleJson.addFields(j, first != null ? first : f.first());
    }
    return ScheduleJson.GSON.toJson(j) + "\n";
  }

  private static JsonObject violation(Counterexample c) {
    Violation v = c.violation();
    JsonObject o = new JsonObject();
    o.addProperty("property", v.property());
    o.addProperty("message", v.message());
    JsonArray details = new JsonArray();
    v.details().forEach(details::add);
    o.add("details", details);
    o.addProperty("eventIndex", v.eventIndex());
    o.addProperty("thread", v.thread());
    o.addProperty("end", c.end().name());
    o.addProperty("execution", c.execution());
    o.addProperty("events", c.trace().size());
    o.addProperty("preemptions", c.preemptions());
    o.addProperty("contextSwitches", c.contextSwitches());
    Conflict k = c.conflict();
    if (k == null) {
      o.add("conflict", JsonNull.INSTANCE);
    } else {
      JsonObject ko = new JsonObject();
      ko.addProperty("rule", k.rule().name().toLowerCase(Locale.ROOT).replace('_', '-'));
      JsonArray ev = new JsonArray();
      k.events().forEach(ev::add);
      ko.add("events", ev);
      o.add("conflict", ko);
    }
    JsonArray blocked = new JsonArray();
    for (PendingOp p : c.pending()) {
      if (!p.blocked()) {
        continue;
      }
      JsonObject po = new JsonObject();
      po.addProperty("thread", p.thread().name());
      po.addProperty("op", p.op());
      po.addProperty("object", p.object());
      po.addProperty("text", EventText.pending(p));
      po.addProperty("location", p.location());
      po.add("held", strings(p.held()));
      po.add("holders", strings(p.holders().stream().map(ThreadRef::name).toList()));
      po.add("queuedAhead", strings(p.queuedAhead().stream().map(ThreadRef::name).toList()));
      po.addProperty("requestEvent", p.requestEvent());
      blocked.add(po);
    }
    o.add("blocked", blocked);
    return o;
  }

  private static JsonObject statistics(Statistics s, boolean mask) {
    JsonObject o = new JsonObject();
    if (s == null) {
      return o;
    }
    o.addProperty("executions", s.executions());
    o.addProperty("completed", s.completed());
    o.addProperty("deadlocked", s.deadlocked());
    o.addProperty("sleepBlocked", s.sleepBlocked());
    o.addProperty("bounded", s.bounded());
    o.addProperty("violations", s.violations());
    o.addProperty("events", s.events());
    o.addProperty("maxDepth", s.maxDepth());
    o.addProperty("wallMillis", mask ? 0 : s.wallMillis());
    o.addProperty("peakHeapBytes", mask ? 0 : s.peakHeapBytes());
    return o;
  }

  private static com.google.gson.JsonElement time(Instant t, ReportOptions o) {
    return t == null || o.maskVolatile() ? JsonNull.INSTANCE : new JsonPrimitive(t.toString());
  }

  private static JsonArray strings(List<String> xs) {
    JsonArray a = new JsonArray();
    xs.forEach(a::add);
    return a;
  }

  private static com.google.gson.JsonElement value(Object v) {
    return switch (v) {
      case null -> JsonNull.INSTANCE;
      case String str -> new JsonPrimitive(str);
      case Number n -> new JsonPrimitive(n);
      case Boolean b -> new JsonPrimitive(b);
      default -> new JsonPrimitive(String.valueOf(v));
    };
  }
}
