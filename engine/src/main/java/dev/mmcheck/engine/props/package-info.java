/**
 * Built-in properties that know nothing of Linux: deadlock freedom, no uncaught exception,
 * no use after free, no sleeping in atomic context, no lock held when a thread ends, and the
 * lockdep-style lock-order property. They use only the public listener API, so they double as
 * examples for writing new properties.
 */
package dev.mmcheck.engine.props;
