package dev.mmcheck.model.v6;

/**
 * A {@code struct ma_state} (maple tree walk state): the node a walk is at and the slot index.
 * Local to the walking thread (a plain object on its stack, as in the kernel); the node pointer
 * it keeps is what StackRot's second walker dereferences after the node was RCU-freed.
 */
public final class MaState {
  final MapleTree tree;
  final int index;
  MapleNode node;
  int offset = -1;

  /** {@code MA_STATE(mas, &mm->mm_mt, addr, addr)}. */
  public MaState(MapleTree tree, int index) {
    this.tree = tree;
    this.index = index;
  }

  /** The node this walk last read (null before the first walk). */
  public MapleNode node() {
    return node;
  }
}
