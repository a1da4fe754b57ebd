package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.mmcheck.engine.Checker;
import dev.mmcheck.engine.Listener;
import dev.mmcheck.engine.Necessity;
import dev.mmcheck.engine.NecessityReport;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.examples.Abba;
import dev.mmcheck.engine.examples.CoveringLocks;
import dev.mmcheck.engine.examples.TwoLocks;
import dev.mmcheck.engine.props.DeadlockFreedom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The necessity tables as text, Markdown, JSON and HTML, pinned by golden files (times masked). */
class NecessityGoldenTest {
  static NecessityReport analyse(Scenario s, boolean pairs, int maxPairs) {
    Checker c = Checker.of(s).withListenerFactory(() -> List.<Listener>of(new DeadlockFreedom()));
    return Necessity.run(c, new Necessity.Options(1, pairs, maxPairs), new Checker.Control(), line -> {});
  }

  @Test
  void twoLocks() {
    NecessityReport r = analyse(new TwoLocks(), false, 0);
    String text = NecessityText.render(r, true);
    assertTrue(text.contains("2 load-bearing, 1 redundant"), text);
    Golden.check("necessity-two-locks.txt", text);
    Golden.check("necessity-two-locks.md", NecessityText.markdown(r, true));
    String json = NecessityJson.write(r, "two-locks", true);
    JsonObject j = JsonParser.parseString(json).getAsJsonObject();
    assertEquals(NecessityJson.FORMAT, j.get("format").getAsString());
    assertEquals(3, j.getAsJsonArray("rows").size());
    Golden.check("necessity-two-locks.json", json);
    Golden.check("necessity-two-locks.html", HtmlReport.render(r.baseline(), ReportGoldenTest.options("two-locks"), r));
  }

  @Test
  void coveringLocksWithPairsCutByTheBound() {
    NecessityReport r = analyse(new CoveringLocks(), true, 4);
    String text = NecessityText.render(r, true);
    assertTrue(text.contains("CUT by the bound --max-pairs=4: 2 pairs not tried"), text);
    Golden.check("necessity-covering-pairs.txt", text);
    Golden.check("necessity-covering-pairs.json", NecessityJson.write(r, "covering-locks", true));
  }

  @Test
  void aBaselineThatDoesNotVerify() {
    NecessityReport r = analyse(new Abba(), false, 0);
    Golden.check("necessity-not-analysed.txt", NecessityText.render(r, true));
  }
}
