package dev.mmcheck.model.v2017;

import dev.mmcheck.engine.Cell;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The part of a {@code task_struct} the part-3 paths use: the per-thread VMA cache
 * ({@code current->vmacache}, 3.15 to 6.0: {@code seqnum} and {@code VMACACHE_SIZE} VMA
 * pointers, hashed by page number; here two slots). Its cells are touched only by the thread it
 * belongs to (and by setup, to start a scenario with a warm cache).
 */
public final class Task17 {
  /** {@code VMACACHE_SIZE} (4 in the kernel; 2 suffice for the scenarios). */
  public static final int VMACACHE_SIZE = 2;

  public final String name;
  public final Cell<Integer> seqnum;
  private final List<Cell<Vma17>> vmas;

  public Task17(String name) {
    this.name = name;
    this.seqnum = new Cell<>(name + ".vmacache.seqnum", 0);
    List<Cell<Vma17>> v = new ArrayList<>();
    for (int i = 0; i < VMACACHE_SIZE; i++) {
      v.add(new Cell<>(name + ".vmacache[" + i + "]", null));
    }
    this.vmas = Collections.unmodifiableList(v);
  }

  /** {@code VMACACHE_HASH(addr)}. */
  public static int hash(int addr) {
    return addr % VMACACHE_SIZE;
  }

  public Cell<Vma17> slot(int i) {
    return vmas.get(i);
  }

  /** Setup: a warm cache entry, valid for {@code mm}'s current seqnum. */
  public void warm(Mm17 mm, int addr, Vma17 v) {
    seqnum.set(mm.vmacacheSeqnum.peek());
    vmas.get(hash(addr)).set(v);
  }
}
