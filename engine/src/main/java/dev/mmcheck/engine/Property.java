package dev.mmcheck.engine;

/**
 * A listener that can report violations, through {@link ExecutionContext#report}. A property
 * is named in configs by its {@link #name()} (a short kebab-case name such as
 * {@code "lock-order"}) or by its class name; it must have a public no-argument constructor to
 * be loaded by name.
 *
 * <p>To write one: implement this interface and whichever listener sub-interfaces carry the
 * events the invariant needs, and call {@code ctx.report(this, message)} when it breaks. The
 * runtime stops the execution (or, in multiple-errors mode, records the violation and moves
 * on) and the report shows the trace that led there.
 */
public interface Property extends Listener {
  /** Short name used in configs, {@code expect = violation <name>} and reports. */
  String name();

  /** One-line description for {@code mmcheck list}. */
  default String description() {
    return "";
  }
}
