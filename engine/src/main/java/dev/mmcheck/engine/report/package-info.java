/**
 * Reports of a search {@link dev.mmcheck.engine.Result}: pure functions from a result (plus a
 * header: scenario name and configuration lines) to text.
 *
 * <ul>
 *   <li>{@link dev.mmcheck.engine.report.TextReport}: console text in Java PathFinder's spirit
 *       (error #, trace by thread transition with source lines, results, statistics).
 *   <li>{@link dev.mmcheck.engine.report.ScheduleJson}: a counterexample as versioned JSON
 *       ({@code "format": "mmcheck-schedule/1"}): the schedule to replay, plus the violation and
 *       the trace for tools.
 *   <li>{@link dev.mmcheck.engine.report.HtmlReport}: a self-contained static HTML page with a
 *       swimlane per counterexample.
 * </ul>
 *
 * <p>Nothing here reads the clock or the environment: the same result renders to the same
 * text, which is what the golden-file tests rely on ({@link
 * dev.mmcheck.engine.report.ReportOptions#maskVolatile()} hides wall time, rates and heap).
 */
package dev.mmcheck.engine.report;
