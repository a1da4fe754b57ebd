package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;

/** Listeners sorted by the sub-interfaces they implement, so the hot path checks a length. */
final class Dispatch {
  final List<Listener> all;
  final ExecutionListener[] execution;
  final EventListener[] event;
  final LockListener[] lock;
  final ObjectListener[] object;
  final ThreadListener[] thread;
  final SearchListener[] search;

  Dispatch(List<? extends Listener> listeners) {
    this.all = List.copyOf(listeners);
    execution = filter(ExecutionListener.class, new ExecutionListener[0]);
    event = filter(EventListener.class, new EventListener[0]);
    lock = filter(LockListener.class, new LockListener[0]);
    object = filter(ObjectListener.class, new ObjectListener[0]);
    thread = filter(ThreadListener.class, new ThreadListener[0]);
    search = filter(SearchListener.class, new SearchListener[0]);
  }

  private <T> T[] filter(Class<T> type, T[] empty) {
    List<T> out = new ArrayList<>();
    for (Listener l : all) {
      if (type.isInstance(l)) {
        out.add(type.cast(l));
      }
    }
    return out.toArray(empty);
  }

  static final Dispatch NONE = new Dispatch(List.of());
}
