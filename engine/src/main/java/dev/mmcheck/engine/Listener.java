package dev.mmcheck.engine;

/**
 * Marker for every observer of an exploration. A listener implements any of the small
 * sub-interfaces ({@link ExecutionListener}, {@link EventListener}, {@link LockListener},
 * {@link ObjectListener}, {@link ThreadListener}, {@link SearchListener}); each of their
 * methods has a no-op default, so a listener overrides only what it needs.
 *
 * <p>Contract for all callbacks: they run on the model thread that caused the event (or on the
 * explorer thread for execution/search callbacks), one at a time, never concurrently, in the
 * order the events happen. A listener instance lives for the whole search, so it may
 * accumulate state across executions (the lock-order property does). Callbacks must not call
 * back into model primitives.
 */
public interface Listener {}
