package dev.mmcheck.model.v6;

import dev.mmcheck.engine.Cell;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mm->mm_mt}, the maple tree of VMAs (lib/maple_tree.c and mm/mmap.c, 6.1+), modelled as a
 * small RCU-protected index: a root pointer ({@code ma_root}, a cell of the mm) to one leaf
 * {@link MapleNode} whose slots cover the address space. As in the StackRot write-up, one root
 * node is enough to show the node-lifetime bugs; the B-tree levels are not modelled.
 *
 * <ul>
 *   <li>Walks ({@link #mas_walk}, {@link #mas_find}, {@link #mas_prev}) read the root and then
 *       the node's slots; {@link MaState} keeps the node pointer between steps. A reader is safe
 *       if it holds the mmap lock (writers hold it for write) or is inside
 *       {@code rcu_read_lock} (nodes are freed by RCU).
 *   <li>Stores ({@link #mas_store}): a store that only moves one pivot between two existing
 *       entries is done in place (the {@code mas_wr_slot_store} fast path: one word changes); any
 *       other store builds a new node, publishes it with {@code rcu_assign_pointer} and frees the
 *       old one with {@code ma_free_rcu} ({@code mas_wr_node_store} in RCU mode -> {@code
 *       mas_replace} -> {@code mas_free}). The tree is in RCU mode (MT_FLAGS_USE_RCU, 6.1.y and
 *       6.3+).
 * </ul>
 *
 * Read: the StackRot README (lrh2000/StackRot) and its backtrace, the "mm: enable maple tree RCU
 * mode by default" message, {@code ma_free_rcu}/{@code mt_free_rcu} in several versions. Not read:
 * the 6.1 {@code mas_wr_slot_store} body itself (the in-place rule above is the write-up's
 * "only the pivot value in the maple node needs updating").
 */
public final class MapleTree {
  /** The top of the modelled address space (pages). */
  public static final int MAX = 16;

  final Mm6 mm;
  final Cell<MapleNode> root;
  /** Names the nodes a scenario allocates (labels only). */
  private int nodeCount;

  MapleTree(Mm6 mm, Cell<MapleNode> root) {
    this.mm = mm;
    this.root = root;
  }

  /** Setup: the initial empty tree. */
  static MapleNode emptyNode(Mm6 mm) {
    return new MapleNode(mm.name() + ".node0", List.of(new Slot(0, MAX, null)));
  }

  /** Setup only: links {@code v} at {@code [start, end)} without scheduling points. */
  void linkInitial(Vma6 v, int start, int end) {
    MapleNode n = root.peek();
    n.slots.set(store(n.slots.peek(), start, end, v));
  }

  // ---- readers ----

  /** {@code mas_walk(&mas)}: the entry at {@code mas.index} (a VMA or null for a gap). */
  public Vma6 mas_walk(MaState mas) {
    mas.node = root.get();
    List<Slot> s = mas.node.slots.get();
    for (int i = 0; i < s.size(); i++) {
      if (s.get(i).contains(mas.index)) {
        mas.offset = i;
        return s.get(i).vma();
      }
    }
    throw new IllegalStateException("address " + mas.index + " outside the tree");
  }

  /**
   * {@code mas_prev(&mas, 0)} after a walk: reads the same node again (the one the walk
   * recorded) and returns the previous VMA, or null.
   */
  public Vma6 mas_prev(MaState mas) {
    List<Slot> s = mas.node.slots.get();
    for (int i = Math.min(mas.offset, s.size()) - 1; i >= 0; i--) {
      if (s.get(i).vma() != null) {
        mas.offset = i;
        return s.get(i).vma();
      }
    }
    return null;
  }

  /** {@code mas_find(&mas, ULONG_MAX)} from {@code mas.index}: the first VMA ending above it, or null. */
  public Vma6 mas_find(MaState mas) {
    mas.node = root.get();
    List<Slot> s = mas.node.slots.get();
    for (int i = 0; i < s.size(); i++) {
      Slot sl = s.get(i);
      if (sl.vma() != null && sl.end() > mas.index) {
        mas.offset = i;
        return sl.vma();
      }
    }
    return null;
  }

  /** {@code find_vma(mm, addr)} (mm/mmap.c 6.1+: {@code mt_find}): the first VMA with vm_end > addr. */
  public Vma6 find_vma(int addr) {
    return mas_find(new MaState(this, addr));
  }

  /** {@code vma_lookup(mm, addr)}: the VMA containing addr, or null. */
  public Vma6 vma_lookup(int addr) {
    return mas_walk(new MaState(this, addr));
  }

  /** All VMAs in address order ({@code for_each_vma}): one walk of the node. */
  public List<Vma6> for_each_vma() {
    List<Vma6> out = new ArrayList<>();
    for (Slot sl : root.get().slots.get()) {
      if (sl.vma() != null) {
        out.add(sl.vma());
      }
    }
    return out;
  }

  // ---- writers (mmap lock held for write; for read only in the StackRot bug) ----

  /**
   * {@code mas_store_prealloc} / {@code vma_iter_store}: maps {@code [start, end)} to {@code vma}
   * (null: {@code vma_iter_clear}, a gap). In place if only a pivot moves, else node
   * replacement with {@code ma_free_rcu} of the old node.
   */
  public void mas_store(int start, int end, Vma6 vma) {
    MapleNode node = root.get();
    List<Slot> old = node.slots.get();
    List<Slot> now = store(old, start, end, vma);
    if (sameShape(old, now)) {
      node.slots.set(now);                          // mas_wr_slot_store: one pivot rewritten
      return;
    }
    MapleNode fresh = new MapleNode(mm.name() + ".node" + (++nodeCount), now);
    root.set(fresh);                                // mas_replace: rcu_assign_pointer
    mm.k.rcu.callRcu(node);                         // mas_free -> ma_free_rcu(old node)
  }

  /** Same entries in the same order, only the boundaries moved. */
  static boolean sameShape(List<Slot> a, List<Slot> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (a.get(i).vma() != b.get(i).vma()) {
        return false;
      }
    }
    return true;
  }

  /** The slots after mapping {@code [start,end)} to {@code vma}; adjacent gaps merge. */
  static List<Slot> store(List<Slot> old, int start, int end, Vma6 vma) {
    List<Slot> out = new ArrayList<>();
    boolean placed = false;
    for (Slot s : old) {
      if (s.end() <= start || s.start() >= end) {
        if (!placed && s.start() >= end) {
          out.add(new Slot(start, end, vma));
          placed = true;
        }
        out.add(s);
        continue;
      }
      if (s.start() < start) {
        out.add(new Slot(s.start(), start, s.vma()));
      }
      if (!placed) {
        out.add(new Slot(start, end, vma));
        placed = true;
      }
      if (s.end() > end) {
        out.add(new Slot(end, s.end(), s.vma()));
      }
    }
    if (!placed) {
      out.add(new Slot(start, end, vma));
    }
    List<Slot> merged = new ArrayList<>();
    for (Slot s : out) {
      Slot last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
      if (last != null && last.vma() == s.vma() && last.end() == s.start()) {
        merged.set(merged.size() - 1, new Slot(last.start(), s.end(), s.vma()));
      } else {
        merged.add(s);
      }
    }
    return List.copyOf(merged);
  }

  /** Ghost: the VMA the tree maps at {@code addr} now, without a scheduling point (properties). */
  public Vma6 peekAt(int addr) {
    MapleNode n = root.peek();
    if (n == null) {
      return null;
    }
    for (Slot s : n.slots.peek()) {
      if (s.contains(addr)) {
        return s.vma();
      }
    }
    return null;
  }

  /** Ghost: is {@code v} in the tree now (properties)? */
  public boolean peekContains(Vma6 v) {
    MapleNode n = root.peek();
    if (n == null) {
      return false;
    }
    for (Slot s : n.slots.peek()) {
      if (s.vma() == v) {
        return true;
      }
    }
    return false;
  }
}
