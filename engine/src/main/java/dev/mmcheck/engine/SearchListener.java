package dev.mmcheck.engine;

/** Called once when the whole search ends (on the explorer thread). */
public interface SearchListener extends Listener {
  default void searchFinished(Statistics statistics) {}
}
