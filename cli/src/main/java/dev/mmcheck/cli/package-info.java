/**
 * The {@code mmcheck} command: runs {@code .jpf} configs ({@link dev.mmcheck.cli.CheckCommand}),
 * replays saved counterexamples ({@link dev.mmcheck.cli.ReplayCommand}), lists names
 * ({@link dev.mmcheck.cli.ListCommand}) and keys ({@link dev.mmcheck.cli.KeysCommand}).
 *
 * <p>The path from a file to a verdict is {@link dev.mmcheck.cli.Runner}: config layer
 * ({@code dev.mmcheck.config}) to engine objects ({@link dev.mmcheck.cli.Prepared}) to
 * {@link dev.mmcheck.engine.Result} ({@link dev.mmcheck.cli.Outcome}); the regression suite
 * uses the same path. Names come from every {@link dev.mmcheck.engine.Catalog} on the class
 * path ({@link dev.mmcheck.cli.Catalogs}). Exit codes: {@link dev.mmcheck.cli.ExitCodes}.
 */
package dev.mmcheck.cli;
