package dev.mmcheck.engine.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Result;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders the golden HTML reports in headless Chromium and checks the DOM after the page's
 * script ran: lanes, blocks, the highlighted and linked pair, lock bars, the wait-for graph,
 * source lines, and a screenshot. Asserts on structure, never on pixels. Skipped, with a
 * message, only when no Chromium is installed ({@code .ci/run} installs it, so CI runs it).
 */
class HtmlBrowserTest {
  private static final Path GOLDEN = Golden.DIR;

  @TempDir
  Path tmp;

  private Chromium chromium;

  @BeforeEach
  void findBrowser() throws IOException {
    chromium = Chromium.find(Files.createDirectories(tmp.resolve("profile"))).orElse(null);
    Assumptions.assumeTrue(chromium != null,
        "SKIPPED: no chromium on PATH (install it: apt-get install chromium; .ci/run does) - the HTML report was not"
            + " checked in a browser");
  }

  private Document render(String golden) throws IOException, InterruptedException {
    Path html = tmp.resolve(golden);
    Files.copy(GOLDEN.resolve(golden), html);
    Document d = Jsoup.parse(chromium.dumpDom(html));
    assertEquals("1", d.body().attr("data-ready"), "the page's script ran to its end");
    return d;
  }

  private static List<String> attrs(Elements es, String name) {
    return es.stream().map(e -> e.attr(name)).toList();
  }

  @Test
  void abbaShowsLanesTheCyclePairLockBarsAndTheWaitForGraph() throws Exception {
    Document d = render("abba.html");
    assertEquals(List.of("t1", "t2"), attrs(d.select(".lanes .lane-head"), "data-thread"));
    assertEquals(List.of("c1-e0", "c1-e1"), attrs(d.select("li.ev.conflict"), "id"));
    assertEquals(List.of("#c1-e0", "#c1-e1"), attrs(d.select(".why a.pair-link"), "href"));
    assertEquals(1, d.select("svg.links path.pair[data-from=0][data-to=1]").size(), "connector drawn by the script");
    assertEquals(List.of("t1", "t2"), attrs(d.select(".pending.blocked"), "data-thread"));
    assertTrue(d.select(".pending.blocked[data-thread=t1] .op").text().contains("mutex_lock(B)"));
    assertTrue(d.select(".pending.blocked[data-thread=t1] .note").text().contains("waits for t2, which holds B"));
    Element t1a = d.selectFirst(".lockrow[data-thread=t1][data-lock=A]");
    assertEquals("0", t1a.selectFirst(".seg.held").attr("data-from"));
    assertEquals(1, d.select(".lockrow[data-thread=t1][data-lock=B] .seg.blocked").size());
    assertEquals(1, d.select(".lockrow[data-thread=t2][data-lock=B] .seg.held").size());
    assertEquals(1, d.select(".lockrow[data-thread=t2][data-lock=A] .seg.blocked").size());
    assertEquals(List.of("t1", "t2"), attrs(d.select("svg.waitfor .node.cycle"), "data-thread"));
    assertEquals(2, d.select("svg.waitfor .edge.cycle.held").size());
    assertEquals("./mmcheck replay abba.json", d.selectFirst("#replay").text());
    assertTrue(d.selectFirst("li#c1-e0 .line").text().contains("a.lock();"), "source line of the event");
  }

  @Test
  void useAfterFreeHighlightsTheFreeAndTheUse() throws Exception {
    Document d = render("uaf.html");
    assertEquals(List.of("c1-e6"), attrs(d.select("li.ev.violation"), "id"));
    assertEquals(List.of("c1-e4", "c1-e6"), attrs(d.select("li.ev.conflict"), "id"));
    assertEquals("free_then_use", d.selectFirst(".why").attr("data-rule"));
    assertTrue(d.selectFirst("li#c1-e4 .line").text().contains("v.free();"));
    Element held = d.selectFirst(".lockrow[data-thread=munmap][data-lock=mm.lock] .seg.held");
    assertEquals(List.of("1", "5"), List.of(held.attr("data-from"), held.attr("data-to")));
    assertTrue(d.select("svg.waitfor").isEmpty(), "no wait-for graph without blocked threads");
    assertEquals(3, d.select("details.block").size(), "fault, munmap, fault");
    assertTrue(d.select("details.block").stream().allMatch(b -> b.hasAttr("open")), "short or highlighted: open");
  }

  @Test
  void queuedWriterIsQueuedAndTheKernelFunctionsAreNamed() throws Exception {
    Document d = render("rwsem.html");
    Elements reader = d.select(".lockrow[data-thread=reader][data-lock=mm.mmap_sem] .seg");
    assertEquals(List.of("seg requested", "seg held mode-r", "seg blocked"), attrs(reader, "class"));
    assertEquals(List.of("seg blocked"), attrs(d.select(".lockrow[data-thread=munmap] .seg"), "class"),
        "the queued writer never holds the lock");
    assertEquals(1, d.select("svg.waitfor .edge.queued.cycle[data-from=reader][data-to=munmap]").size());
    assertEquals(1, d.select("svg.waitfor .edge.held.cycle[data-from=munmap][data-to=reader]").size());
    assertTrue(d.select(".pending.blocked[data-thread=reader] .note").text().contains("behind munmap"));
    assertEquals("do_page_fault", d.selectFirst("li#c1-e4 a.fn").text());
    assertTrue(d.selectFirst("dt#c1-fn-do_page_fault + dd").text().startsWith("Stands for do_page_fault():"),
        d.selectFirst("dt#c1-fn-do_page_fault + dd").text());
  }

  @Test
  void verifiedRunHasAVerdictAndNoCounterexample() throws Exception {
    Document d = render("verified.html");
    assertEquals("verified", d.selectFirst("#verdict").attr("data-verdict"));
    assertTrue(d.selectFirst("#verdict").hasClass("ok"));
    assertTrue(d.select("section.cex").isEmpty());
    assertFalse(d.select("table#statistics tr").isEmpty());
  }

  @Test
  void necessityTableRendersOneRowPerSiteLoadBearingFirst() throws Exception {
    Document d = render("necessity-two-locks.html");
    Elements rows = d.select("section#necessity table#necessity-singles tr.row");
    assertEquals(List.of("row load-bearing", "row load-bearing", "row redundant"), attrs(rows, "class"));
    assertTrue(rows.get(2).attr("data-sites").contains("stats_lock"), rows.get(2).attr("data-sites"));
    assertEquals("verified", d.selectFirst("#verdict").attr("data-verdict"), "the baseline's verdict on top");
  }

  @Test
  void lockOrderShowsTheLockdepSplat() throws Exception {
    Document d = render("lockdep-abba.html");
    String splat = d.selectFirst("section.cex pre.lockdep").text();
    assertTrue(splat.contains("WARNING: possible circular locking dependency detected"), splat);
    assertTrue(splat.contains("*** DEADLOCK ***"), splat);
  }

  @Test
  void modelErrorShowsTheMessageAndAnEmptyTrace() throws Exception {
    Document d = render("diverged.html");
    assertEquals("model-error", d.selectFirst("#verdict").attr("data-verdict"));
    assertTrue(d.selectFirst("section.model-error pre").text().contains("the model diverged from the schedule"));
    assertTrue(d.select("li.ev").isEmpty());
  }

  @Test
  void screenshotIsAPicture() throws Exception {
    Path html = tmp.resolve("abba.html");
    Files.copy(GOLDEN.resolve("abba.html"), html);
    Path png = tmp.resolve("abba.png");
    chromium.screenshot(html, png, 1280, 1600);
    byte[] b = Files.readAllBytes(png);
    assertTrue(b.length > 10_000, "a real picture, not an empty page: " + b.length + " bytes");
    assertEquals("PNG", new String(b, 1, 3, StandardCharsets.US_ASCII));
  }

  @Test
  void aThousandEventsStayCollapsedAndComplete() throws Exception {
    Result r = new dev.mmcheck.engine.examples.LongTrace(332).result();
    assertTrue(r instanceof Result.ViolationsFound, r.toString());
    Path html = tmp.resolve("long.html");
    Files.writeString(html, HtmlReport.render(r, ReportOptions.all("long trace", List.of()).masked()));
    Document d = Jsoup.parse(chromium.dumpDom(html));
    assertEquals("1", d.body().attr("data-ready"));
    int events = ((Result.ViolationsFound) r).first().trace().size();
    assertEquals(1004, events);
    assertEquals(events, d.select("li.ev").size(), "every event is in the DOM");
    Elements blocks = d.select("details.block");
    long open = blocks.stream().filter(b -> b.hasAttr("open")).count();
    assertTrue(blocks.size() > 30, "many blocks: " + blocks.size());
    assertTrue(open * 3 < blocks.size(), "most blocks start collapsed: " + open + " of " + blocks.size());
    assertEquals(List.of("c1-e1002", "c1-e1003"), attrs(d.select("li.ev.conflict"), "id"));
    assertFalse(d.select("li.fold").isEmpty(), "long open blocks fold the events far from the highlighted ones");
    assertEquals(List.of("mm.mmap_sem", "fault.lock", "mm.mmap_sem", "munmap.lock", "mm.mmap_sem", "kswapd.lock"),
        attrs(d.select(".lockrow"), "data-lock"), "per thread: the rwsem, then its own mutex");
    assertEquals(List.of("fault", "fault", "munmap", "munmap", "kswapd", "kswapd"),
        attrs(d.select(".lockrow"), "data-thread"));
  }
}
