package dev.mmcheck.engine.report;

import static dev.mmcheck.engine.report.HtmlReport.esc;

import dev.mmcheck.engine.NecessityReport;
import java.util.List;

/**
 * The necessity section of {@link HtmlReport}: the baseline line and a table per analysis
 * (single sites, then pairs), load-bearing rows first, the same columns as
 * {@link NecessityText}. DOM contract: {@code section#necessity}; {@code table.necessity} with one
 * {@code tr.row} per row, classed {@code load-bearing}, {@code redundant} or
 * {@code inconclusive}, with {@code data-kind} and {@code data-sites} (the sites' descriptions
 * joined by {@code " + "}).
 */
final class HtmlNecessity {
  private HtmlNecessity() {}

  static void render(StringBuilder sb, NecessityReport r, boolean mask) {
    sb.append("<section class=\"necessity\" id=\"necessity\">\n<h2>Lock necessity</h2>\n");
    sb.append("<p class=\"baseline\">").append(esc(NecessityText.baselineLine(r))).append("</p>\n");
    if (!r.analysed()) {
      sb.append("<p class=\"not-analysed\">Not analysed: necessity needs a baseline that verifies.</p>\n</section>\n");
      return;
    }
    table(sb, "singles", r.rows(), mask);
    sb.append("<p class=\"counts\">").append(esc(NecessityText.counts(r.rows()))).append("</p>\n");
    if (r.pairsRequested()) {
      sb.append("<h3>Pairs of redundant sites</h3>\n<p class=\"pairs\">").append(esc(NecessityText.pairsLine(r)))
          .append("</p>\n");
      if (!r.pairs().isEmpty()) {
        table(sb, "pairs", r.pairs(), mask);
        sb.append("<p class=\"counts\">").append(esc(NecessityText.counts(r.pairs()))).append("</p>\n");
      }
    }
    if (r.interrupted()) {
      sb.append("<p class=\"interrupted\">Interrupted: rows are missing.</p>\n");
    }
    sb.append("</section>\n");
  }

  private static void table(StringBuilder sb, String id, List<NecessityReport.Row> rows, boolean mask) {
    sb.append("<table class=\"necessity\" id=\"necessity-").append(id).append("\">\n<thead><tr><th>verdict</th>")
        .append("<th>kind</th><th>site</th><th>without it</th><th>executions</th><th>time</th></tr></thead>\n<tbody>\n");
    for (NecessityReport.Row row : rows) {
      String word = NecessityText.verdictWord(row.verdict());
      sb.append("<tr class=\"row ").append(word).append("\" data-kind=\"").append(esc(NecessityText.kinds(row)))
          .append("\" data-sites=\"").append(esc(NecessityText.sites(row))).append("\"><td class=\"verdict\">")
          .append(word).append("</td><td>").append(esc(NecessityText.kinds(row))).append("</td><td><code>")
          .append(HtmlReport.escAll(row.removed().stream().map(dev.mmcheck.engine.Site::describe).toList(),
              "</code><br><code>"))
          .append("</code></td><td>").append(esc(NecessityText.without(row.verdict()))).append("</td><td class=\"num\">")
          .append(row.executions()).append("</td><td class=\"num\">").append(esc(NecessityText.time(row.wallMillis(), mask)))
          .append("</td></tr>\n");
    }
    sb.append("</tbody>\n</table>\n");
  }
}
