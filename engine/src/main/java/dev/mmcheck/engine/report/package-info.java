/**
 * Reports of a search {@link dev.mmcheck.engine.Result}: pure functions from a result (plus a
 * header: scenario name, configuration lines, replay command) to text.
 *
 * <ul>
 *   <li>{@link dev.mmcheck.engine.report.TextReport}: console text in Java PathFinder's spirit
 *       (error #, conflicting events, trace by thread transition with source lines, the threads
 *       blocked at the end, results, statistics, start and end time).
 *   <li>{@link dev.mmcheck.engine.report.ResultJson}: the whole run as versioned JSON
 *       ({@code "mmcheck-report/1"}) for every verdict; for a violation it embeds the first
 *       counterexample in the schedule format, so it replays.
 *   <li>{@link dev.mmcheck.engine.report.ScheduleJson}: a counterexample as versioned JSON
 *       ({@code "mmcheck-schedule/1"}): the schedule to replay, plus the violation and the trace
 *       for tools; reads both formats.
 *   <li>{@link dev.mmcheck.engine.report.HtmlReport}: a self-contained HTML page: swimlanes with
 *       collapsible blocks, the conflicting events highlighted and linked, lock bars, the
 *       wait-for graph, source lines and kernel functions ({@link
 *       dev.mmcheck.engine.report.SourceLines}).
 *   <li>{@link dev.mmcheck.engine.report.EventText}: how operations are named in all of them.
 * </ul>
 *
 * <p>Nothing here reads the clock or the environment (model sources, CSS and script come from
 * the class path): the same result renders to the same text, which is what the golden-file
 * tests rely on ({@link dev.mmcheck.engine.report.ReportOptions#maskVolatile()} hides wall
 * time, rates, heap and timestamps).
 */
package dev.mmcheck.engine.report;
