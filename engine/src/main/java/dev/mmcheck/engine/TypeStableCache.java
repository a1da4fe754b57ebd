package dev.mmcheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A type-stable allocator, as a {@code SLAB_TYPESAFE_BY_RCU} kmem cache (Linux 6.15 made the
 * VMA cache one: "mm: make vma cache SLAB_TYPESAFE_BY_RCU", Suren Baghdasaryan): an object
 * freed into it stays valid memory of the same type and may be handed out again by a later
 * allocation while a reader that looked it up earlier still holds a reference.
 *
 * <ul>
 *   <li>{@link #alloc} returns the most recently freed object if there is one (same Java
 *       object, same cells, old field values: the allocating code must initialise what it
 *       relies on, as kernel code does, since a typesafe slab's constructor runs only when the
 *       slab is created), else a fresh one made by the given supplier;
 *   <li>{@link #free} (also {@link Tracked#free} on an object of this cache) puts it back;
 *   <li>each reuse increments the object's {@link Tracked#generation()}: a reader that found
 *       an object, then locked it, must re-check that it is still the object it looked up
 *       (the kernel re-checks {@code vma->vm_mm} and the range after {@code vma_start_read});
 *       a property compares generations to catch a reader that does not.
 * </ul>
 *
 * <p>An access to a freed or reused object of this cache is not a use after free (the memory
 * is valid); {@code use-after-free} ignores it, and a double free is still reported.
 *
 * <pre>
 *   live(g) --free--&gt; in cache(g) --alloc--&gt; live(g+1)
 * </pre>
 *
 * <p>Dependency: allocations and frees of one cache conflict with each other (they change the
 * free list) and with every access of the object they hand out or take back.
 */
public final class TypeStableCache<T extends Tracked> extends ModelObject {
  private final List<T> free = new ArrayList<>(2);

  public TypeStableCache(String name) {
    super(name);
  }

  /** {@code kmem_cache_alloc}: a reused object (generation + 1) or a fresh one from {@code fresh}. */
  @SuppressWarnings("unchecked")
  public T alloc(Supplier<T> fresh) {
    T reused = (T) exec.step(new Op(OpCode.TS_ALLOC, this, null));
    if (reused != null) {
      return reused;
    }
    T t = fresh.get();
    t.cache = this;
    return t;
  }

  /** {@code kmem_cache_free}: returns {@code object} to the cache. */
  public void free(T object) {
    exec.step(new Op(OpCode.TS_FREE, this, object));
  }

  /** The object the next {@link #alloc} would reuse, or null (for footprints). */
  Tracked nextReused() {
    return free.isEmpty() ? null : free.get(free.size() - 1);
  }

  @Override
  @SuppressWarnings("unchecked")
  Object apply(Op op, ModelThread t) {
    switch (op.code) {
      case TS_ALLOC -> {
        if (free.isEmpty()) {
          return null;
        }
        T obj = free.remove(free.size() - 1);
        obj.reincarnate();
        return obj;
      }
      case TS_FREE -> {
        T obj = (T) op.arg;
        if (obj.cache != null && obj.cache != this) {
          throw new ModelBug("kmem_cache_free(" + name() + ", " + obj.name() + ") by " + (t == null ? "setup" : t.name)
              + ": the object belongs to " + obj.cache.name());
        }
        obj.cache = this;
        boolean first = obj.markFreed(t);
        if (first) {
          free.add(obj);
        }
        return first;
      }
      default -> throw new IllegalStateException(op.toString());
    }
  }
}
