package dev.mmcheck.engine;

import java.util.Objects;

/**
 * A place in the model where a lock is taken or a re-check is made: what the necessity analysis
 * ({@link Necessity}) removes one at a time to see whether the model still verifies.
 *
 * <ul>
 *   <li>A <b>lock site</b> ({@link Kind#LOCK}) is an acquisition call: {@code name} is the lock
 *       class ({@link SyncObject#lockClass()}), {@code operation} the kernel operation
 *       ({@code down}, {@code down_read}, {@code spin_lock}, {@code lock_kernel}, ...),
 *       {@code location} the model source location of the call. Every instance of the class
 *       acquired at that location is the same site (as lockdep groups by class). Removing it
 *       removes the acquisition and its matching release ({@link SiteAnalysis}).
 *   <li>A <b>guard site</b> ({@link Kind#GUARD}) is a re-check marked by model code with
 *       {@link Sched#recheck}: {@code name} is the guard's name, {@code operation} is
 *       {@code recheck}.
 * </ul>
 *
 * <p>{@code location} is the innermost model frame of the call, {@code File.java:42
 * (Class.method)}; with {@link SiteAnalysis#frames()} {@code > 1} it is that many model frames,
 * innermost first, joined by {@code " <- "} (so that the callers of a lock helper such as
 * {@code lockKernel()} are distinct sites). Two sites are the same if all four components are
 * equal. Immutable; the natural order is (kind, location, name, operation).
 *
 * @param kind lock or guard
 * @param name the lock class, or the guard's name
 * @param operation the kernel operation, e.g. {@code down_write}, or {@code recheck}
 * @param location the model source location(s), innermost first
 */
public record Site(Kind kind, String name, String operation, String location) implements Comparable<Site> {
  /** What kind of site. */
  public enum Kind {
    /** A lock acquisition (with its matching release). */
    LOCK,
    /** A re-check marked with {@link Sched#recheck}. */
    GUARD;

    /** {@code lock} or {@code guard}, as tables and JSON show it. */
    public String label() {
      return this == LOCK ? "lock" : "guard";
    }
  }

  public Site {
    Objects.requireNonNull(kind);
    Objects.requireNonNull(name);
    Objects.requireNonNull(operation);
    Objects.requireNonNull(location);
  }

  /** A lock site. */
  public static Site lock(String lockClass, String operation, String location) {
    return new Site(Kind.LOCK, lockClass, operation, location);
  }

  /** A guard site. */
  public static Site guard(String name, String location) {
    return new Site(Kind.GUARD, name, "recheck", location);
  }

  /** E.g. {@code down_write(mmap_sem) at Mmap.java:40 (Mmap.do_munmap)} or {@code recheck "swap_in pte" at ...}. */
  public String describe() {
    return (kind == Kind.LOCK ? operation + "(" + name + ")" : "recheck \"" + name + "\"") + " at " + location;
  }

  @Override
  public int compareTo(Site o) {
    int c = kind.compareTo(o.kind);
    if (c == 0) {
      c = location.compareTo(o.location);
    }
    if (c == 0) {
      c = name.compareTo(o.name);
    }
    return c != 0 ? c : operation.compareTo(o.operation);
  }

  @Override
  public String toString() {
    return describe();
  }
}
