package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Tracked;
import java.util.List;

/**
 * A {@code struct maple_node} ({@code maple_range_64}, lib/maple_tree.c, 6.1+), the single leaf
 * of the model's tree: its {@code pivot[]}/{@code slot[]} pairs are one immutable list of
 * {@link Slot}s. The node is {@link Tracked}: in RCU mode a store that changes its shape
 * allocates a new node, publishes it and frees the old one with {@code ma_free_rcu} ->
 * {@code call_rcu(&node->rcu, mt_free_rcu)}, so a walker that kept a pointer to the old node and
 * reads it after the grace period is a use after free (StackRot).
 */
public final class MapleNode extends Tracked {
  public final Cell<List<Slot>> slots;

  MapleNode(String name, List<Slot> slots) {
    super(name);
    this.slots = cell("slots", List.copyOf(slots));
  }
}
