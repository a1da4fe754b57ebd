package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Fault26;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import dev.mmcheck.model.v26.Vma26;
import java.util.Map;

/**
 * Seed 001's sequence-counter fault and Hugh Dickins' worst case: while a fault is in the
 * filesystem without mmap_sem (its {@code ->fault} uses the VMA), another thread changes the
 * mapping. {@code mm.change}:
 * <ul>
 *   <li>{@code map-fixed} (default): munmap the VMA and map another file, g, at the same range
 *       ({@code mmap(MAP_FIXED)}): Hugh Dickins' case;
 *   <li>{@code munmap}: only unmap it;
 *   <li>{@code mprotect}: make the VMA read-only in place (same VMA, no detach).
 * </ul>
 * The fault is a write fault to a shared writable mapping of f. What catches what is the
 * discipline's {@code mm.seqValidate} and {@code mm.vmaFreeDeferred} (see {@code SeqFault}):
 * without deferred freeing munmap frees the VMA under {@code ->fault} (use after free); with it,
 * {@code NONE} installs f's page whatever is mapped there, {@code DETACH} misses the in-place
 * mprotect (a writable PTE in a read-only VMA), {@code VMA} (SPF) and {@code MM} catch all three.
 *
 * <pre>
 * mm: vma_f [0,1) f shared rw     threads: fault(write 0), hugh(map-fixed g | munmap | mprotect read-only)
 * </pre>
 */
public final class SeqcountFault extends Mm26Scenario {
  public SeqcountFault(Map<String, String> params) {
    super(params, Era26.E2013_SEQCOUNT);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(1);
    Inode26 f = file("f", 1, false, false);
    Inode26 g = file("g", 1, true, false);
    mm.mapInitial("vma_f", 0, 1, 0, Vma26.VM_READ | Vma26.VM_WRITE | Vma26.VM_SHARED, f);
    String change = change();
    w.thread("fault", () -> Fault26.user_fault(mm, 0, true));
    w.thread("hugh", () -> {
      switch (change) {
        case "map-fixed" -> Mmap26.sys_mmap_fixed(mm, "vma_g", 0, 1, g, 0);
        case "munmap" -> Mmap26.sys_munmap(mm, 0);
        case "mprotect" -> Mmap26.sys_mprotect(mm, 0, Vma26.VM_READ | Vma26.VM_SHARED);
        default -> throw new IllegalStateException(change);
      }
    });
  }

  private String change() {
    String c = param("mm.change", "map-fixed");
    if (!c.equals("map-fixed") && !c.equals("munmap") && !c.equals("mprotect")) {
      throw new IllegalArgumentException("mm.change must be map-fixed, munmap or mprotect, not '" + c + "'");
    }
    return c;
  }

  @Override
  public String name() {
    return super.name() + "{" + change() + "}";
  }
}
