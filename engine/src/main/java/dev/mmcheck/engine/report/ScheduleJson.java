package dev.mmcheck.engine.report;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.Schedule;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.TraceEvent;
import dev.mmcheck.engine.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A counterexample as JSON, versioned {@value #FORMAT}:
 *
 * <pre>{@code
 * {
 *   "format": "mmcheck-schedule/1",
 *   "scenario": "Abba",
 *   "meta": { "config.path": "...", ... },          // sorted by key
 *   "violation": { "property": "deadlock", "message": "...", "details": [...],
 *                  "eventIndex": 1, "thread": "t2" },
 *   "end": "DEADLOCK", "execution": 2,
 *   "threads": [ { "id": 0, "name": "t1" }, ... ],
 *   "steps": [ { "thread": 0, "threadName": "t1", "choice": -1, "op": "mutex_lock", "object": "A" }, ... ],
 *   "trace": [ { "index": 0, "thread": "t1", "kind": "ACQUIRE", "op": "mutex_lock", "object": "A",
 *                "value": null, "text": "mutex_lock(A)", "mightSleep": true,
 *                "location": "Abba.java:17 (...)", "held": ["A"] }, ... ]
 * }
 * }</pre>
 *
 * <p>{@code steps} is what {@link dev.mmcheck.engine.Checker#replay} needs; {@code trace} is
 * for tools and is ignored when reading. {@link #read} checks the format tag and every field
 * it needs, and throws {@link BadScheduleException} with a message naming the problem. It
 * also reads a whole-run report ({@link ResultJson}, {@code "mmcheck-report/1"}), which embeds
 * these fields for its first counterexample.
 */
public final class ScheduleJson {
  /** The format tag written and accepted. */
  public static final String FORMAT = "mmcheck-schedule/1";

  static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping().create();

  private ScheduleJson() {}

  /** What {@link #read} returns: the schedule to replay and the violation it should show. */
  public record Saved(Schedule schedule, Violation violation, ExecutionEnd end) {}

  /** The file is not a readable mmcheck schedule; the message says why. */
  public static final class BadScheduleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BadScheduleException(String message) {
      super(message);
    }
  }

  /** The JSON text of {@code c}, ending with a newline. Meta keys are written sorted. */
  public static String write(Counterexample c) {
    JsonObject o = new JsonObject();
    o.addProperty("format", FORMAT);
    addFields(o, c);
    return GSON.toJson(o) + "\n";
  }

  /** Adds the fields after {@code format} (scenario ... trace) of {@code c} to {@code o}. */
  static void addFields(JsonObject o, Counterexample c) {
    o.addProperty("scenario", c.schedule().scenario());
    JsonObject meta = new JsonObject();
    new TreeMap<>(c.schedule().meta()).forEach(meta::addProperty);
    o.add("meta", meta);
    Violation v = c.violation();
    JsonObject vo = new JsonObject();
    vo.addProperty("property", v.property());
    vo.addProperty("message", v.message());
    vo.add("details", strings(v.details()));
    vo.addProperty("eventIndex", v.eventIndex());
    vo.addProperty("thread", v.thread());
    o.add("violation", vo);
    o.addProperty("end", c.end().name());
    o.addProperty("execution", c.execution());
    JsonArray threads = new JsonArray();
    for (ThreadRef t : c.threads()) {
      JsonObject to = new JsonObject();
      to.addProperty("id", t.id());
      to.addProperty("name", t.name());
      threads.add(to);
    }
    o.add("threads", threads);
    JsonArray steps = new JsonArray();
    for (Schedule.Step s : c.schedule().steps()) {
      JsonObject so = new JsonObject();
      so.addProperty("thread", s.thread());
      so.addProperty("threadName", s.threadName());
      so.addProperty("choice", s.choice());
      so.addProperty("op", s.op());
      so.addProperty("object", s.object());
      steps.add(so);
    }
    o.add("steps", steps);
    JsonArray trace = new JsonArray();
    for (TraceEvent te : c.trace()) {
      JsonObject eo = new JsonObject();
      eo.addProperty("index", te.event().index());
      eo.addProperty("thread", te.event().thread().name());
      eo.addProperty("kind", te.event().kind().name());
      eo.addProperty("op", te.event().op());
      eo.addProperty("object", te.event().object());
      String describe = te.event().describe();
      String prefix = te.event().op() + "(" + te.event().object() + ") = ";
      eo.addProperty("value", te.event().value() == null ? null : describe.substring(prefix.length()));
      eo.addProperty("text", EventText.event(te.event()));
      eo.addProperty("mightSleep", te.event().mightSleep());
      eo.addProperty("location", te.location());
      eo.add("held", strings(te.held()));
      trace.add(eo);
    }
    o.add("trace", trace);
  }

  /**
   * Parses a file written by {@link #write}.
   *
   * @throws BadScheduleException if it is not JSON, not this format, or misses a field
   */
  public static Saved read(String json) {
    JsonElement root;
    try {
      root = JsonParser.parseString(json);
    } catch (JsonParseException e) {
      throw new BadScheduleException("not valid JSON: " + rootCause(e));
    }
    if (!root.isJsonObject()) {
      throw new BadScheduleException("not an mmcheck schedule: expected a JSON object");
    }
    JsonObject o = root.getAsJsonObject();
    if (!o.has("format")) {
      throw new BadScheduleException("not an mmcheck schedule: no \"format\" field (expected \"" + FORMAT + "\")");
    }
    String format = string(o, "format", "");
    if (!FORMAT.equals(format) && !ResultJson.FORMAT.equals(format)) {
      throw new BadScheduleException("unsupported format \"" + format + "\"; this mmcheck reads \"" + FORMAT
          + "\" and \"" + ResultJson.FORMAT + "\"");
    }
    if (ResultJson.FORMAT.equals(format) && !o.has("steps")) {
      String verdict = o.has("verdict") && o.get("verdict").isJsonPrimitive() ? o.get("verdict").getAsString() : "?";
      throw new BadScheduleException("this report holds no counterexample to replay (verdict: " + verdict + ")");
    }
    Map<String, String> meta = new TreeMap<>();
    if (o.has("meta")) {
      for (Map.Entry<String, JsonElement> e : object(o, "meta", "").entrySet()) {
        meta.put(e.getKey(), e.getValue().isJsonNull() ? "" : e.getValue().getAsString());
      }
    }
    List<Schedule.Step> steps = new ArrayList<>();
    JsonArray arr = array(o, "steps", "");
    for (int i = 0; i < arr.size(); i++) {
      String where = "steps[" + i + "]";
      if (!arr.get(i).isJsonObject()) {
        throw new BadScheduleException(where + ": expected an object");
      }
      JsonObject s = arr.get(i).getAsJsonObject();
      steps.add(new Schedule.Step(integer(s, "thread", where), string(s, "threadName", where),
          integer(s, "choice", where), string(s, "op", where), string(s, "object", where)));
    }
    JsonObject vo = object(o, "violation", "");
    List<String> details = new ArrayList<>();
    if (vo.has("details")) {
      array(vo, "details", "violation").forEach(d -> details.add(d.getAsString()));
    }
    Violation v = new Violation(string(vo, "property", "violation"), string(vo, "message", "violation"), details,
        vo.has("eventIndex") ? integer(vo, "eventIndex", "violation") : -1,
        vo.has("thread") ? string(vo, "thread", "violation") : "?");
    ExecutionEnd end;
    try {
      end = ExecutionEnd.valueOf(o.has("end") ? string(o, "end", "") : "VIOLATION");
    } catch (IllegalArgumentException e) {
      throw new BadScheduleException("\"end\": unknown execution end \"" + string(o, "end", "") + "\"");
    }
    return new Saved(new Schedule(string(o, "scenario", ""), meta, steps), v, end);
  }

  private static JsonArray strings(List<String> xs) {
    JsonArray a = new JsonArray();
    xs.forEach(a::add);
    return a;
  }

  private static JsonElement field(JsonObject o, String name, String where) {
    JsonElement e = o.get(name);
    if (e == null || e.isJsonNull()) {
      throw new BadScheduleException(path(where, name) + ": missing");
    }
    return e;
  }

  private static String string(JsonObject o, String name, String where) {
    JsonElement e = field(o, name, where);
    if (!e.isJsonPrimitive()) {
      throw new BadScheduleException(path(where, name) + ": expected a string, got " + e);
    }
    return e.getAsString();
  }

  private static int integer(JsonObject o, String name, String where) {
    JsonElement e = field(o, name, where);
    try {
      if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber()) {
        return Integer.parseInt(e.getAsString());
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new BadScheduleException(path(where, name) + ": expected an integer, got " + e);
  }

  private static JsonObject object(JsonObject o, String name, String where) {
    JsonElement e = field(o, name, where);
    if (!e.isJsonObject()) {
      throw new BadScheduleException(path(where, name) + ": expected an object");
    }
    return e.getAsJsonObject();
  }

  private static JsonArray array(JsonObject o, String name, String where) {
    JsonElement e = field(o, name, where);
    if (!e.isJsonArray()) {
      throw new BadScheduleException(path(where, name) + ": expected an array");
    }
    return e.getAsJsonArray();
  }

  private static String path(String where, String name) {
    return where.isEmpty() ? "\"" + name + "\"" : where + "." + name;
  }

  private static String rootCause(Throwable t) {
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
