package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.Vma26;
import dev.mmcheck.model.v26.BufferedWrite;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Gup;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Mmap26;
import java.util.Map;

/**
 * Seed 001: "if mmap_sem is to be dropped it must be dropped in every path that calls into the
 * filesystem code", and {@code get_user_pages()} is such a path. In the 2013 era faults drop
 * mmap_sem around {@code ->fault}, so a filesystem may take its inode lock there
 * ({@link Inode26#faultTakesIMutex}); with {@code mm.gupDropsMmapSem=false} a
 * {@code get_user_pages_fast} slow path (say O_DIRECT into a buffer mapped from g) still calls
 * {@code ->fault} with mmap_sem(r) held. With a writer (munmap) queued on mmap_sem, three threads
 * deadlock: write(g) holds g's i_mutex and waits for mmap_sem(r) behind the writer; the writer
 * waits for dio's read hold; dio waits for g's i_mutex.
 *
 * <pre>
 * mm: vma_buf [0,1) anon | vma_g [1,2) g | vma_x [3,4) anon
 * threads: write(g, 0 from 0), dio(get_user_pages_fast 1), munmap(3)
 * </pre>
 */
public final class GupUnderMmapSem extends Mm26Scenario {
  public GupUnderMmapSem(Map<String, String> params) {
    super(params, Era26.E2013_SEQCOUNT);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(4);
    Inode26 g = file("g", 1, true, true);
    mm.mapInitial("vma_buf", 0, 1, 0, Vma26.VM_READ | Vma26.VM_WRITE, null);
    mm.mapInitial("vma_g", 1, 2, 0, Vma26.VM_READ | Vma26.VM_SHARED, g);
    mm.mapInitial("vma_x", 3, 4, 0, Vma26.VM_READ | Vma26.VM_WRITE, null);
    w.thread("write", () -> BufferedWrite.sys_write(mm, g, 0, 0));
    w.thread("dio", () -> Gup.get_user_pages_fast(mm, 1));
    w.thread("munmap", () -> Mmap26.sys_munmap(mm, 3));
  }
}
