package dev.mmcheck.engine.props;

import com.google.common.graph.GraphBuilder;
import com.google.common.graph.Graphs;
import com.google.common.graph.MutableGraph;
import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.ExecutionEnd;
import dev.mmcheck.engine.GiantLock;
import dev.mmcheck.engine.LockCycle;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.Rcu;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.Witness;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Lockdep for the model: records every "held class A while acquiring class B" edge, with the
 * source location of both acquisitions, across <em>all</em> explored executions, and reports
 * a cycle in the lock-class graph as soon as an edge closes one, even if no explored
 * execution deadlocked (Documentation/locking/lockdep-design.rst).
 *
 * <p>As lockdep: edges go between lock classes, not instances; a successful trylock adds no
 * edge towards the lock it took (it cannot block) but later acquisitions nest under it;
 * kernel rwsem readers are not recursive, so read acquisitions count like writes; taking a
 * class while holding another instance (or the same one) of it is "possible recursive
 * locking" unless the model says the nesting is intended ({@link #LockOrder(java.util.Set)}).
 * RCU read sections are ignored (they cannot take part in a lock cycle). A {@link GiantLock}
 * held while a sleeping lock is acquired adds no edge (its holder gives it up if it has to
 * wait), and its re-acquisition after a sleep is reported as a trylock; acquiring a giant lock
 * while holding another lock, and spinning locks taken under it, are ordinary edges.
 *
 * <p>State: the edge graph spans the whole search. It lives in the search's shared store
 * ({@link ExecutionContext#searchShared}), so the workers of a parallel search (one instance
 * each) add to one graph and a cycle whose edges were seen by different workers is still found;
 * it is guarded by its own monitor. Held locks are per execution, in the instance.
 *
 * <p>Cost: an acquisition records its event index and checks the graph; no stack is walked
 * during the search. A new edge keeps two {@link Witness}es (its execution's schedule prefix);
 * their stacks are built by one replay only when the edge is shown in a report, after the
 * graph's monitor is released (a replay parks the calling virtual thread, which must not hold a
 * monitor on JDKs that pin). Edges seen again cost nothing.
 */
public final class LockOrder implements Property, LockListener, ExecutionListener {
  /** Model frames kept per acquisition in the structured witness (lockdep-style reports print them all). */
  private static final int STACK_DEPTH = 6;

  /** Why an edge exists: the first time it was seen (stacks resolved when reported). */
  private record Edge(String thread, String heldInstance, Witness heldAt, String takenInstance, Witness takenAt,
      int execution) {}

  /** The class graph and each edge's first witness, for the whole search; guarded by itself. */
  private static final class Edges {
    final MutableGraph<String> graph = GraphBuilder.directed().allowsSelfLoops(true).build();
    final Map<List<String>, Edge> witnesses = new HashMap<>();
  }

  /** A cycle closed by an acquisition: what to report, with the edges of the cycle copied out of the graph. */
  private record Found(String message, List<String> cycle, List<Edge> chain) {}

  /** The search's edges: set when an execution starts (the same object for every execution and worker). */
  private Edges edges;
  private MutableGraph<String> graph;
  private Map<List<String>, Edge> witnesses;
  private final HeldLocks held = new HeldLocks();
  private final java.util.Set<String> nestable;

  public LockOrder() {
    this(java.util.Set.of());
  }

  /** {@code nestable}: lock classes whose instances may be nested (lockdep's subclasses). */
  public LockOrder(java.util.Set<String> nestable) {
    this.nestable = java.util.Set.copyOf(nestable);
  }

  @Override
  public String name() {
    return "lock-order";
  }

  @Override
  public String description() {
    return "lockdep: no cycle in the held-while-acquiring graph of lock classes, over all executions";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    held.clear();
    edges = ctx.searchShared(LockOrder.class.getName() + nestable, Edges::new);
    graph = edges.graph;
    witnesses = edges.witnesses;
  }

  @Override
  public void executionFinished(ExecutionContext ctx, ExecutionEnd end) {
    held.clear();
  }

  @Override
  public void lockAcquired(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode, boolean trylock) {
    if (lock instanceof Rcu) {
      return;
    }
    if (!trylock) {
      Found found = addEdges(ctx, event, lock, mode);
      if (found != null) { // stacks resolved (a replay) outside the graph's monitor
        ctx.report(this, found.message(), explain(found), cycle(ctx, event, found));
        return;
      }
    }
    held.acquired(event.thread(), lock, mode, event.index());
  }

  /** Adds the edges from every held lock to {@code lock}; the cycle one of them closed, or null. */
  private Found addEdges(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    synchronized (edges) {
      for (HeldLocks.Acquisition h : held.of(event.thread())) {
        String a = h.lock().lockClass();
        String b = lock.lockClass();
        if (a.equals(b) && nestable.contains(a) && h.lock() != lock) {
          continue;
        }
        if (h.lock() instanceof GiantLock && event.mightSleep()) {
          continue; // a giant lock is given up when a sleeping acquisition waits: no dependency
        }
        if (graph.hasEdgeConnecting(a, b)) {
          continue;
        }
        graph.putEdge(a, b);
        witnesses.put(List.of(a, b), new Edge(event.thread().name(), h.lock().name() + h.mode().tag(),
            ctx.witness(h.event()), lock.name() + mode.tag(), ctx.witness(event.index()), ctx.executionNumber()));
        if (a.equals(b)) {
          List<String> self = List.of(a, a);
          return found("possible recursive locking: " + event.thread() + " acquires " + lock.name() + mode.tag()
              + " while holding " + h.lock().name() + h.mode().tag() + " (lock class " + a + ")", self);
        }
        List<String> back = path(b, a);
        if (back != null) {
          List<String> cycle = new ArrayList<>();
          cycle.add(a);
          cycle.addAll(back);
          return found("possible circular locking dependency: " + String.join(" -> ", cycle), cycle);
        }
      }
    }
    return null;
  }

  /** {@code cycle} (classes, first = last) with its edges copied out of the graph (call holding its monitor). */
  private Found found(String message, List<String> cycle) {
    List<Edge> chain = new ArrayList<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      chain.add(witnesses.get(List.of(cycle.get(i), cycle.get(i + 1))));
    }
    return new Found(message, List.copyOf(cycle), chain);
  }

  @Override
  public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    held.released(event.thread(), lock);
  }

  /** Shortest path from {@code from} to {@code to} in the class graph, or null. */
  private List<String> path(String from, String to) {
    if (!graph.nodes().contains(from) || !Graphs.reachableNodes(graph, from).contains(to)) {
      return null;
    }
    Map<String, String> parent = new HashMap<>();
    ArrayDeque<String> queue = new ArrayDeque<>(List.of(from));
    parent.put(from, from);
    while (!queue.isEmpty()) {
      String n = queue.poll();
      if (n.equals(to)) {
        break;
      }
      for (String s : graph.successors(n)) {
        if (parent.putIfAbsent(s, n) == null) {
          queue.add(s);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String n = to; ; n = parent.get(n)) {
      out.add(0, n);
      if (n.equals(from)) {
        return out;
      }
    }
  }

  /** The structured witness of {@code found}'s cycle, closed by {@code event}'s acquisition (may replay). */
  private LockCycle cycle(ExecutionContext ctx, Event event, Found found) {
    List<String> cycle = found.cycle();
    List<LockCycle.Dependency> chain = new ArrayList<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      String from = cycle.get(i);
      String to = cycle.get(i + 1);
      Edge w = found.chain().get(i);
      chain.add(new LockCycle.Dependency(w.thread, new LockCycle.Acquisition(from, w.heldInstance, top(w.heldAt.stack())),
          new LockCycle.Acquisition(to, w.takenInstance, top(w.takenAt.stack())), w.execution));
    }
    List<LockCycle.Acquisition> holding = new ArrayList<>();
    for (HeldLocks.Acquisition h : held.of(event.thread())) {
      holding.add(new LockCycle.Acquisition(h.lock().lockClass(), h.lock().name() + h.mode().tag(),
          top(ctx.stackAt(h.event()))));
    }
    return new LockCycle(event.thread().name(), chain, holding);
  }

  private static List<StackTraceElement> top(List<StackTraceElement> stack) {
    return stack.size() <= STACK_DEPTH ? stack : stack.subList(0, STACK_DEPTH);
  }

  /** The report's detail lines for {@code found}'s cycle (may replay). */
  private static List<String> explain(Found found) {
    List<String> cycle = found.cycle();
    List<String> lines = new ArrayList<>();
    for (int i = 0; i + 1 < cycle.size(); i++) {
      Edge w = found.chain().get(i);
      lines.add(cycle.get(i) + " -> " + cycle.get(i + 1) + ": " + w.thread + " held " + w.heldInstance
          + " while acquiring " + w.takenInstance + " (execution " + w.execution + ")");
      lines.add("    " + w.heldInstance + " acquired at " + HeldLocks.format(w.heldAt.stack(), 3));
      lines.add("    " + w.takenInstance + " acquired at " + HeldLocks.format(w.takenAt.stack(), 3));
    }
    return lines;
  }
}
