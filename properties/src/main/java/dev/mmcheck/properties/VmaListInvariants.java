package dev.mmcheck.properties;

import dev.mmcheck.engine.Event;
import dev.mmcheck.engine.EventListener;
import dev.mmcheck.engine.ExecutionContext;
import dev.mmcheck.engine.ExecutionListener;
import dev.mmcheck.engine.Held;
import dev.mmcheck.engine.LockListener;
import dev.mmcheck.engine.LockMode;
import dev.mmcheck.engine.ObjectListener;
import dev.mmcheck.engine.Property;
import dev.mmcheck.engine.SyncObject;
import dev.mmcheck.engine.ThreadListener;
import dev.mmcheck.engine.ThreadRef;
import dev.mmcheck.engine.Tracked;
import dev.mmcheck.model.Inode;
import dev.mmcheck.model.MmStruct;
import dev.mmcheck.model.Pte;
import dev.mmcheck.model.Vma;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * VMA list invariants. Two kinds, checked where each must hold:
 *
 * <ul>
 *   <li><b>At every use</b> - the file offset seen for an address is the one the mapping gives
 *       it: every PTE installed for a file page maps the page {@link MmStruct#expectedOffset}
 *       says (a fault that saw the new {@code vm_start} with the old {@code vm_offset} maps the
 *       wrong page), and every page written back to a file lands at its own offset (kswapd's
 *       version of the same skew). These never hold "transiently broken": a wrong page is wrong.
 *   <li><b>At quiescent points</b> - the list is sorted and non-overlapping, every VMA has
 *       {@code vm_start < vm_end}, is not freed and has {@code vm_offset} matching the file
 *       layout, {@code map_count} equals the list length, {@code mmap_cache} is null or in the
 *       list, every PTE lies inside some VMA, and a writable PTE lies in a VMA with
 *       {@code VM_WRITE} (a PTE built from a stale {@code vm_page_prot}, or one that
 *       {@code change_protection} missed, breaks it). These are allowed to break inside a kernel
 *       path that is changing the list, so they are checked whenever a lock is released or a
 *       thread exits and no thread is inside such a path (the ghost
 *       {@link MmStruct#quiescent()}): the points where another thread could legitimately
 *       look.
 * </ul>
 */
public final class VmaListInvariants
    implements Property, ObjectListener, EventListener, LockListener, ThreadListener, ExecutionListener {
  private final Set<MmStruct> mms = Collections.newSetFromMap(new IdentityHashMap<>());

  @Override
  public String name() {
    return "vma-list-invariants";
  }

  @Override
  public String description() {
    return "sorted, non-overlapping VMA list, map_count, mmap_cache, and consistent file offsets";
  }

  @Override
  public void executionStarted(ExecutionContext ctx) {
    mms.clear();
  }

  @Override
  public void objectAccessed(ExecutionContext ctx, Event event, Tracked object) {
    MmStruct mm = object instanceof MmStruct m ? m : object instanceof Vma v ? v.mm : null;
    if (mm == null) {
      return;
    }
    mms.add(mm);
    if (event.kind() == dev.mmcheck.engine.EventKind.WRITE && event.value() instanceof Pte p && p.present()
        && p.file() && p.page() != mm.expectedOffset(p.addr())) {
      ctx.report(this, "file offset skew: " + event.thread() + " mapped file page " + p.page() + " at address "
          + p.addr() + " in " + MmLocks.function(ctx) + ", which maps file page " + mm.expectedOffset(p.addr())
          + " (list now: " + describe(mm) + ")");
    }
  }

  @Override
  public void eventExecuted(ExecutionContext ctx, Event event) {
    if (event.kind() == dev.mmcheck.engine.EventKind.WRITE && event.value() instanceof Inode.Block b
        && b.data() != b.offset()) {
      ctx.report(this, "file offset skew: " + event.thread() + " wrote page " + b.data() + " of " + b.file()
          + " back at offset " + b.offset() + " in " + MmLocks.function(ctx));
    }
  }

  @Override
  public void lockReleased(ExecutionContext ctx, Event event, SyncObject lock, LockMode mode) {
    MmStruct mm = MmStruct.ofLock(lock);
    if (mm != null) {
      mms.add(mm);
    }
    checkAll(ctx);
  }

  @Override
  public void threadFinished(ExecutionContext ctx, ThreadRef thread, List<Held> held) {
    checkAll(ctx);
  }

  private void checkAll(ExecutionContext ctx) {
    for (MmStruct mm : mms) {
      if (!mm.quiescent()) {
        continue;
      }
      String broken = check(mm);
      if (broken != null) {
        ctx.report(this, mm.name() + ": " + broken + " (list: " + describe(mm) + ")");
        return;
      }
    }
  }

  /** The first broken structural invariant of {@code mm}, or null. Ghost reads only. */
  static String check(MmStruct mm) {
    List<Vma> list = mm.listNow();
    int prevEnd = Integer.MIN_VALUE;
    for (Vma v : list) {
      int s = v.vmStart.peek();
      int e = v.vmEnd.peek();
      if (v.isFreed()) {
        return "freed " + v.name() + " is still in the list";
      }
      if (s >= e) {
        return v.name() + " has vm_start " + s + " >= vm_end " + e;
      }
      if (s < prevEnd) {
        return v.name() + " starts at " + s + ", before the previous VMA's end " + prevEnd;
      }
      if (v.vmFile.peek() != null && v.vmOffset.peek() != mm.expectedOffset(s)) {
        return v.name() + " has vm_offset " + v.vmOffset.peek() + " at vm_start " + s + ", the file layout says "
            + mm.expectedOffset(s);
      }
      prevEnd = e;
    }
    if (mm.mapCount.peek() != list.size()) {
      return "map_count " + mm.mapCount.peek() + " but " + list.size() + " VMAs in the list";
    }
    Vma cache = mm.mmapCache.peek();
    if (cache != null && !list.contains(cache)) {
      return "mmap_cache points to " + cache.name() + ", which is not in the list";
    }
    for (int a = 0; a < mm.pages(); a++) {
      Pte p = mm.pte(a).peek();
      if (p == null) {
        continue;
      }
      Vma v = covering(list, a);
      if (v == null) {
        return "pte[" + a + "] = " + p + " lies outside every VMA";
      }
      if (p.present() && p.writable() && (v.vmFlags.peek() & Vma.VM_WRITE) == 0) {
        return "pte[" + a + "] = " + p + " is writable but " + v.describeNow() + " has no VM_WRITE";
      }
    }
    return null;
  }

  private static Vma covering(List<Vma> list, int a) {
    for (Vma v : list) {
      if (v.vmStart.peek() <= a && a < v.vmEnd.peek()) {
        return v;
      }
    }
    return null;
  }

  private static String describe(MmStruct mm) {
    StringBuilder sb = new StringBuilder();
    for (Vma v : mm.listNow()) {
      sb.append(sb.length() == 0 ? "" : " -> ").append(v.describeNow());
    }
    return sb.length() == 0 ? "empty" : sb.toString();
  }
}
