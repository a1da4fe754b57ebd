package dev.mmcheck.engine.report;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.NecessityReport;
import dev.mmcheck.engine.Site;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The necessity table ({@link dev.mmcheck.engine.Necessity}) as console text and as Markdown.
 * One row per site, load-bearing first:
 *
 * <pre>
 * ====================================================== necessity
 * baseline: no errors detected (exhaustive); 2 executions; 3 sites executed (3 lock, 0 guard)
 * verdict       kind  site                                                      without it                                      executions  time
 * load-bearing  lock  mutex_lock(data_lock) at TwoLocks.java:21 (TwoLocks....)  assertion: 9 events, 1 preemption "two threads..."  2           0.01 s
 * redundant     lock  mutex_lock(stats_lock) at TwoLocks.java:22 (TwoLocks...)  still verified                                  2           0.00 s
 * 2 load-bearing, 1 redundant
 * </pre>
 *
 * "without it" is the verdict of the search with the site removed: the violated property with
 * the counterexample's length (events) and preemptions and the message, {@code still verified},
 * {@code no violation within bounds (search.max_executions)} or {@code model error: ...}. With
 * pairs, a second table lists each pair tried, and a line says how many there were and whether
 * the bound cut them. Pure; {@code mask} replaces times by {@code --} (for golden files).
 */
public final class NecessityText {
  private NecessityText() {}

  /** The whole necessity section, starting with its rule line, ending with a newline. */
  public static String render(NecessityReport r, boolean mask) {
    StringBuilder sb = new StringBuilder();
    TextReport.section(sb, "necessity");
    sb.append(baselineLine(r)).append('\n');
    if (!r.analysed()) {
      sb.append("not analysed: necessity needs a baseline that verifies (fix the violation or model error first)\n");
      return sb.toString();
    }
    table(sb, r.rows(), mask);
    sb.append(counts(r.rows())).append('\n');
    if (r.pairsRequested()) {
      TextReport.section(sb, "necessity: pairs of redundant sites");
      sb.append(pairsLine(r)).append('\n');
      if (!r.pairs().isEmpty()) {
        table(sb, r.pairs(), mask);
        sb.append(counts(r.pairs())).append('\n');
      }
    }
    if (r.interrupted()) {
      sb.append("INTERRUPTED: the analysis stopped before it finished; rows are missing\n");
    }
    return sb.toString();
  }

  /** {@code baseline: <verdict>; N executions; M sites executed (a lock, b guard); locations: k model frame(s)}. */
  public static String baselineLine(NecessityReport r) {
    long locks = r.sites().stream().filter(s -> s.kind() == Site.Kind.LOCK).count();
    long execs = r.baseline().statistics() == null ? 0 : r.baseline().statistics().executions();
    return "baseline: " + TextReport.verdict(r.baseline()) + "; " + execs + (execs == 1 ? " execution; " : " executions; ")
        + r.sites().size() + " sites executed (" + locks + " lock, " + (r.sites().size() - locks) + " guard); "
        + "site location: " + r.frames() + (r.frames() == 1 ? " model frame" : " model frames");
  }

  /** {@code pairs: tried 6 of 6 pairs of individually redundant sites} plus the bound note. */
  public static String pairsLine(NecessityReport r) {
    String s = "pairs: tried " + r.pairs().size() + " of " + r.pairCandidates()
        + " pairs of individually redundant sites";
    if (r.pairsCut()) {
      s += " (CUT by the bound --max-pairs=" + r.maxPairs() + ": " + (r.pairCandidates() - r.pairs().size())
          + " pairs not tried)";
    }
    return s;
  }

  /** {@code 2 load-bearing, 1 redundant} (and inconclusive, if any). */
  public static String counts(List<NecessityReport.Row> rows) {
    int needed = 0;
    int redundant = 0;
    int other = 0;
    for (NecessityReport.Row row : rows) {
      switch (row.verdict()) {
        case NecessityReport.Verdict.Needed n -> needed++;
        case NecessityReport.Verdict.Redundant x -> redundant++;
        case NecessityReport.Verdict.NoViolationWithinBounds b -> other++;
        case NecessityReport.Verdict.ModelError e -> other++;
      }
    }
    return needed + " load-bearing, " + redundant + " redundant" + (other > 0 ? ", " + other + " inconclusive" : "");
  }

  /** The verdict column's word: {@code load-bearing}, {@code redundant} or {@code inconclusive}. */
  public static String verdictWord(NecessityReport.Verdict v) {
    return switch (v) {
      case NecessityReport.Verdict.Needed n -> "load-bearing";
      case NecessityReport.Verdict.Redundant x -> "redundant";
      case NecessityReport.Verdict.NoViolationWithinBounds b -> "inconclusive";
      case NecessityReport.Verdict.ModelError e -> "inconclusive";
    };
  }

  /** The "without it" column. */
  public static String without(NecessityReport.Verdict v) {
    return switch (v) {
      case NecessityReport.Verdict.Needed n -> {
        Counterexample c = n.counterexample();
        yield c.violation().property() + ": " + c.trace().size() + (c.trace().size() == 1 ? " event" : " events")
            + (c.preemptions() >= 0 ? ", " + c.preemptions() + (c.preemptions() == 1 ? " preemption" : " preemptions") : "")
            + " \"" + c.violation().message() + "\"";
      }
      case NecessityReport.Verdict.Redundant x -> "still verified";
      case NecessityReport.Verdict.NoViolationWithinBounds b -> "no violation within bounds ("
          + String.join(", ", b.boundsHit().stream().map(dev.mmcheck.engine.Bound::configKey).toList()) + ")";
      case NecessityReport.Verdict.ModelError e -> "model error: " + TextReport.firstLine(e.message());
    };
  }

  /** The site column: each removed site's description, joined by {@code " + "}. */
  public static String sites(NecessityReport.Row row) {
    return String.join(" + ", row.removed().stream().map(Site::describe).toList());
  }

  /** The kind column: {@code lock}, {@code guard}, or for a pair {@code lock+guard}. */
  public static String kinds(NecessityReport.Row row) {
    return String.join("+", row.removed().stream().map(s -> s.kind().label()).toList());
  }

  /** Seconds with two decimals, or {@code --} masked. */
  public static String time(long millis, boolean mask) {
    return mask ? "--" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
  }

  private static void table(StringBuilder sb, List<NecessityReport.Row> rows, boolean mask) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"verdict", "kind", "site", "without it", "executions", "time"});
    for (NecessityReport.Row row : rows) {
      cells.add(new String[] {verdictWord(row.verdict()), kinds(row), sites(row), without(row.verdict()),
          String.valueOf(row.executions()), time(row.wallMillis(), mask)});
    }
    int[] width = new int[6];
    for (String[] c : cells) {
      for (int i = 0; i < c.length; i++) {
        width[i] = Math.max(width[i], c[i].length());
      }
    }
    for (String[] c : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < c.length; i++) {
        line.append(c[i]);
        if (i + 1 < c.length) {
          line.append(" ".repeat(width[i] - c[i].length() + 2));
        }
      }
      sb.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * The tables as Markdown (for documentation generated from runs): a baseline line, then a
   * table per kind of row; times are masked when {@code mask}.
   */
  public static String markdown(NecessityReport r, boolean mask) {
    StringBuilder sb = new StringBuilder();
    sb.append(baselineLine(r).replace("|", "\\|")).append("\n\n");
    if (!r.analysed()) {
      sb.append("Not analysed: the baseline does not verify.\n");
      return sb.toString();
    }
    markdownTable(sb, r.rows(), mask);
    sb.append('\n').append(counts(r.rows())).append(".\n");
    if (r.pairsRequested()) {
      sb.append('\n').append(pairsLine(r)).append(".\n");
      if (!r.pairs().isEmpty()) {
        sb.append('\n');
        markdownTable(sb, r.pairs(), mask);
        sb.append('\n').append(counts(r.pairs())).append(".\n");
      }
    }
    if (r.interrupted()) {
      sb.append("\n**Interrupted**: rows are missing.\n");
    }
    return sb.toString();
  }

  private static void markdownTable(StringBuilder sb, List<NecessityReport.Row> rows, boolean mask) {
    sb.append("| verdict | kind | site | without it | executions | time |\n");
    sb.append("|---|---|---|---|---:|---:|\n");
    for (NecessityReport.Row row : rows) {
      sb.append("| ").append(verdictWord(row.verdict())).append(" | ").append(kinds(row)).append(" | ")
          .append(md(sites(row))).append(" | ").append(md(without(row.verdict()))).append(" | ")
          .append(row.executions()).append(" | ").append(time(row.wallMillis(), mask)).append(" |\n");
    }
  }

  private static String md(String s) {
    return "`" + s.replace("`", "'").replace("|", "\\|") + "`";
  }
}
