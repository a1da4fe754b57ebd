package dev.mmcheck.engine.report;

import static dev.mmcheck.engine.report.HtmlReport.esc;

import dev.mmcheck.engine.Counterexample;
import dev.mmcheck.engine.PendingOp;
import dev.mmcheck.engine.ThreadRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The wait-for graph of the threads blocked at the end of a counterexample, as inline SVG:
 * one node per thread involved, placed on a circle; one curved arrow from each blocked thread
 * to each thread it waits for, labelled with the lock and whether that thread holds it or is
 * only queued ahead (dashed). Arrows of the wait-for cycle ({@link Counterexample#waitCycle()})
 * are drawn heavier and classed {@code cycle}. Nothing is drawn when no blocked thread waits
 * for another. Pure.
 */
final class HtmlWaitFor {
  private static final int W = 480;
  private static final int H = 230;
  private static final double NODE_R = 34;
  /** How far an arrow bows out to the left of its direction, so that opposite arrows do not overlap. */
  private static final double BEND = 50;

  private HtmlWaitFor() {}

  private record Edge(ThreadRef from, ThreadRef to, String lock, boolean held, boolean cycle) {}

  static void render(StringBuilder sb, String id, Counterexample c) {
    List<ThreadRef> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    List<ThreadRef> cycle = c.waitCycle();
    for (PendingOp p : c.pending()) {
      if (!p.blocked()) {
        continue;
      }
      for (ThreadRef h : p.holders()) {
        edges.add(new Edge(p.thread(), h, p.object(), true, inCycle(cycle, p.thread(), h)));
      }
      for (ThreadRef q : p.queuedAhead()) {
        edges.add(new Edge(p.thread(), q, p.object(), false, inCycle(cycle, p.thread(), q)));
      }
    }
    if (edges.isEmpty()) {
      return;
    }
    for (Edge e : edges) {
      if (!nodes.contains(e.from())) {
        nodes.add(e.from());
      }
      if (!nodes.contains(e.to())) {
        nodes.add(e.to());
      }
    }
    double[][] at = new double[nodes.size()][];
    double rx = W / 2.0 - NODE_R - 16;
    double ry = H / 2.0 - NODE_R - 16;
    for (int i = 0; i < nodes.size(); i++) {
      double a = Math.PI + 2 * Math.PI * i / nodes.size();
      at[i] = new double[] {W / 2.0 + rx * Math.cos(a), H / 2.0 + ry * Math.sin(a)};
    }
    sb.append("<h3>Wait-for graph</h3>\n<svg class=\"waitfor\" id=\"").append(id).append("-waitfor\" viewBox=\"0 0 ")
        .append(W).append(' ').append(H).append("\" width=\"").append(W).append("\" height=\"").append(H)
        .append("\" role=\"img\" aria-label=\"wait-for graph\">\n<defs><marker id=\"").append(id)
        .append("-arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" ")
        .append("orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"/></marker></defs>\n");
    for (Edge e : edges) {
      double[] a = at[nodes.indexOf(e.from())];
      double[] b = at[nodes.indexOf(e.to())];
      String d;
      double lx;
      double ly;
      if (e.from().equals(e.to())) {
        d = String.format(Locale.ROOT, "M%.1f,%.1f C%.1f,%.1f %.1f,%.1f %.1f,%.1f", a[0] - 12, a[1] - NODE_R + 4,
            a[0] - 50, a[1] - NODE_R - 60, a[0] + 50, a[1] - NODE_R - 60, a[0] + 12, a[1] - NODE_R + 4);
        lx = a[0];
        ly = a[1] - NODE_R - 50;
      } else {
        double dx = b[0] - a[0];
        double dy = b[1] - a[1];
        double len = Math.hypot(dx, dy);
        double ux = dx / len;
        double uy = dy / len;
        double cx = (a[0] + b[0]) / 2 + uy * BEND;
        double cy = (a[1] + b[1]) / 2 - ux * BEND;
        double sx = a[0] + ux * NODE_R;
        double sy = a[1] + uy * NODE_R;
        double ex = b[0] - ux * NODE_R;
        double ey = b[1] - uy * NODE_R;
        d = String.format(Locale.ROOT, "M%.1f,%.1f Q%.1f,%.1f %.1f,%.1f", sx, sy, cx, cy, ex, ey);
        lx = 0.25 * sx + 0.5 * cx + 0.25 * ex + uy * 12;
        ly = 0.25 * sy + 0.5 * cy + 0.25 * ey - ux * 12 + 4;
      }
      String cls = "edge " + (e.held() ? "held" : "queued") + (e.cycle() ? " cycle" : "");
      String label = e.lock() + (e.held() ? " (held)" : " (queued ahead)");
      sb.append("<g class=\"").append(cls).append("\" data-from=\"").append(esc(e.from().name())).append("\" data-to=\"")
          .append(esc(e.to().name())).append("\" data-lock=\"").append(esc(e.lock())).append("\"><title>")
          .append(esc(e.from().name() + " waits for " + e.to().name() + (e.held() ? ", which holds " : ", queued ahead on ")
              + e.lock())).append("</title><path d=\"").append(d).append("\" marker-end=\"url(#").append(id)
          .append("-arrow)\"/>").append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">", lx, ly))
          .append(esc(label)).append("</text></g>\n");
    }
    for (int i = 0; i < nodes.size(); i++) {
      ThreadRef t = nodes.get(i);
      sb.append("<g class=\"node").append(cycle.contains(t) ? " cycle" : "").append("\" data-thread=\"")
          .append(esc(t.name())).append("\">").append(String.format(Locale.ROOT,
              "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.0f\"/><text x=\"%.1f\" y=\"%.1f\">", at[i][0], at[i][1], NODE_R,
              at[i][0], at[i][1] + 4)).append(esc(t.name())).append("</text></g>\n");
    }
    sb.append("</svg>\n<p class=\"caption\">An arrow points from a blocked thread to a thread it waits for: solid when"
        + " that thread holds the lock, dashed when it is only queued ahead (rwsem FIFO, writer preference);"
        + " red arrows form the wait-for cycle.</p>\n");
  }

  private static boolean inCycle(List<ThreadRef> cycle, ThreadRef from, ThreadRef to) {
    int k = cycle.indexOf(from);
    return k >= 0 && cycle.get((k + 1) % cycle.size()).equals(to);
  }
}
