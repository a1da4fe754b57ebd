package dev.mmcheck.model.scenario;

import dev.mmcheck.engine.World;
import dev.mmcheck.model.v26.Vma26;
import dev.mmcheck.model.v26.BufferedWrite;
import dev.mmcheck.model.v26.Era26;
import dev.mmcheck.model.v26.Gup;
import dev.mmcheck.model.v26.Inode26;
import dev.mmcheck.model.v26.Mm26;
import dev.mmcheck.model.v26.Reclaim;
import java.util.Map;

/**
 * The three deadlocks of 08291429cfa6 ("mm: fix pagecache write deadlocks", 2.6.24): in 2.6.23
 * {@code generic_file_buffered_write} holds the destination page lock while
 * {@code copy_from_user} may fault. The prefault makes the source page present first, so each
 * case needs reclaim ({@code kswapd}) to unmap the source page between the prefault and the copy.
 * Parameter {@code mm.case}:
 *
 * <ul>
 *   <li>{@code same-page} ("2,8"): the buffer maps the page being written: the fault's
 *       {@code filemap_fault} locks it again: recursive deadlock.
 *       <pre>mm: vma_f [0,1) f       threads: write(f,0 from 0), kswapd(unmap 0)</pre>
 *   <li>{@code two-pages} ("2,8;2,8"): two writers, each writing one file from a buffer mapped
 *       from the other's page: ABBA on two page locks.
 *       <pre>mm: vma_f [0,1) f | vma_g [1,2) g   threads: write_f(f,0 from 1), write_g(g,0 from 0), kswapd</pre>
 *   <li>{@code mlock} ("2,6;b,f"): the writer holds f's page and its fault wants mmap_sem(r);
 *       mlock holds mmap_sem(w) and its {@code get_user_pages} wants f's page lock.
 *       <pre>mm: vma_buf [0,1) g | vma_f [1,2) f   threads: write(f,0 from 0), kswapd(unmap 0), mlock(1)</pre>
 * </ul>
 */
public final class PagecacheWriteDeadlock extends Mm26Scenario {
  public PagecacheWriteDeadlock(Map<String, String> params) {
    super(params, Era26.E2_6_23);
  }

  @Override
  public void setup(World w) {
    Mm26 mm = newMm(2);
    Inode26 f = file("f", 1, true, false);
    int flags = Vma26.VM_READ | Vma26.VM_WRITE | Vma26.VM_SHARED;
    switch (param("mm.case", "same-page")) {
      case "same-page" -> {
        mm.mapInitial("vma_f", 0, 1, 0, flags, f);
        w.thread("write", () -> BufferedWrite.sys_write(mm, f, 0, 0));
        w.thread("kswapd", () -> Reclaim.shrink_page(mm, f.mapping.page(0), 0));
      }
      case "two-pages" -> {
        Inode26 g = file("g", 1, true, false);
        mm.mapInitial("vma_f", 0, 1, 0, flags, f);
        mm.mapInitial("vma_g", 1, 2, 0, flags, g);
        w.thread("write_f", () -> BufferedWrite.sys_write(mm, f, 0, 1));
        w.thread("write_g", () -> BufferedWrite.sys_write(mm, g, 0, 0));
        w.thread("kswapd", () -> {
          Reclaim.shrink_page(mm, g.mapping.page(0), 1);
          Reclaim.shrink_page(mm, f.mapping.page(0), 0);
        });
      }
      case "mlock" -> {
        Inode26 g = file("g", 1, true, false);
        mm.mapInitial("vma_buf", 0, 1, 0, flags, g);
        mm.mapInitial("vma_f", 1, 2, 0, flags, f);
        w.thread("write", () -> BufferedWrite.sys_write(mm, f, 0, 0));
        w.thread("kswapd", () -> Reclaim.shrink_page(mm, g.mapping.page(0), 0));
        w.thread("mlock", () -> Gup.sys_mlock(mm, 1, 1));
      }
      default -> throw new IllegalArgumentException("mm.case must be same-page, two-pages or mlock");
    }
  }

  @Override
  public String name() {
    return super.name() + "{" + param("mm.case", "same-page") + "}";
  }
}
