/**
 * The {@code .jpf} configuration layer: Java PathFinder-style config files, command-line
 * overrides, a typed schema of keys and user-facing configuration errors.
 *
 * <p>Typical use: {@link dev.mmcheck.config.ConfigLoader#load} reads a file plus {@code +key=value}
 * overrides into a {@link dev.mmcheck.config.RawConfig} (via {@link dev.mmcheck.config.JpfParser}),
 * resolves the {@code target} scenario, extends the {@link dev.mmcheck.config.Schema} with the
 * scenario's {@link dev.mmcheck.config.Namespace}s and validates everything into an immutable
 * {@link dev.mmcheck.config.Config}. Every problem surfaces as a
 * {@link dev.mmcheck.config.ConfigException} (exit code 2) naming the file and line.
 *
 * <p>Unless stated otherwise, no method accepts or returns {@code null}.
 */
package dev.mmcheck.config;
