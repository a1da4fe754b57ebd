package com.example.mm;

import dev.mmcheck.engine.Catalog;
import dev.mmcheck.model.Era;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Short names for this project's scenario and property, found by mmcheck through
 * {@code META-INF/services/dev.mmcheck.engine.Catalog} on the config's {@code classpath} (or on
 * the test class path): {@code target = write-fault-vs-mprotect},
 * {@code search.properties += stale-vma-view}, {@code expect = violation stale-vma-view}.
 */
public final class ExampleCatalog implements Catalog {
  @Override
  public List<Entry> scenarios() {
    List<Param> params = new ArrayList<>();
    params.add(new Param("mm.era", "locking discipline", Arrays.stream(Era.values()).map(Era::id).toList(),
        Era.E1998.id()));
    params.add(new Param("mm.syscallsTakeMmapSem", "override: mprotect takes mmap_sem (era = keep)",
        List.of("era", "true", "false"), "era"));
    params.add(new Param("mm.splitFieldsTogether", "override: the 2.3.21 split order (era = keep)",
        List.of("era", "true", "false"), "era"));
    return List.of(new Entry("write-fault-vs-mprotect", WriteFaultVsMprotect.class,
        "example: a write fault on a page mprotect is making read-only", params));
  }

  @Override
  public List<Entry> properties() {
    return List.of(new Entry("stale-vma-view", StaleVmaView.class, new StaleVmaView().description()));
  }
}
