package dev.mmcheck.properties.test26;

import dev.mmcheck.properties.test.Runs;

import static dev.mmcheck.properties.test.Runs.expect;
import static dev.mmcheck.properties.test.Runs.message;
import static dev.mmcheck.properties.test.Runs.params;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Result;
import org.junit.jupiter.api.Test;

/**
 * One test per part-2 scenario: the buggy era or variant gives a counterexample of the named
 * property, the fixed one verifies exhaustively. Verdicts come from exploration; each run prints
 * executions and time (lines starting with PART2).
 */
class Part2ScenarioVerdictTest {
  static final String BASE = "deadlock,uncaught-exception,use-after-free,sleep-in-atomic,lock-held-at-exit";
  static final String ALL = BASE + ",documented-lock-order,fault-retry,pte-vma-consistency";

  @Test
  void writeVsMadviseRemove() {
    Result r = expect("violation deadlock", "write-vs-madvise-remove", params("2.6.24"), BASE);
    assertTrue(message(r).contains("i_mutex") && message(r).contains("mmap_sem"), message(r));
    Result o = expect("violation documented-lock-order", "write-vs-madvise-remove", params("2.6.24"),
        "documented-lock-order," + BASE);
    assertTrue(message(o).contains("acquires f.i_mutex") && message(o).contains("holding mm.mmap_sem(w)"), message(o));
    expect("verified", "write-vs-madvise-remove", params("2.6.37"), ALL + ",lock-order");
    expect("violation deadlock", "write-vs-madvise-remove", params("2.6.37", "mm.madviseRemoveDropsMmapSem=false"),
        BASE);
  }

  @Test
  void pagecacheWriteSamePage() {
    expect("violation deadlock", "pagecache-write-deadlock", params("2.6.23", "mm.case=same-page"), BASE);
    expect("verified", "pagecache-write-deadlock", params("2.6.24", "mm.case=same-page"), ALL);
  }

  @Test
  void pagecacheWriteTwoPages() {
    expect("violation deadlock", "pagecache-write-deadlock", params("2.6.23", "mm.case=two-pages"), BASE);
    expect("verified", "pagecache-write-deadlock", params("2.6.24", "mm.case=two-pages"), ALL);
  }

  @Test
  void pagecacheWriteVsMlock() {
    Result r = expect("violation deadlock", "pagecache-write-deadlock", params("2.6.23", "mm.case=mlock"), BASE);
    assertTrue(message(r).contains("mmap_sem") && message(r).contains("PG_locked"), message(r));
    expect("verified", "pagecache-write-deadlock", params("2.6.24", "mm.case=mlock"), ALL);
  }

  @Test
  void faultRetryStaleVma() {
    expect("violation use-after-free", "fault-retry-stale-vma", params("2.6.37", "mm.retryRelooksUpVma=false"),
        BASE);
    Result r = expect("violation fault-retry", "fault-retry-stale-vma",
        params("2.6.37", "mm.retryRelooksUpVma=false"), "fault-retry," + BASE);
    assertTrue(message(r).startsWith("stale VMA after fault retry: fault"), message(r));
    expect("verified", "fault-retry-stale-vma", params("2.6.37"), ALL);
    expect("verified", "fault-retry-stale-vma", params("2.6.24", "mm.retryRelooksUpVma=false"), ALL);
  }

  @Test
  void gupUnderMmapSem() {
    expect("violation deadlock", "gup-under-mmap-sem", params("2013-seqcount", "mm.gupDropsMmapSem=false"), BASE);
    Result r = expect("violation documented-lock-order", "gup-under-mmap-sem",
        params("2013-seqcount", "mm.gupDropsMmapSem=false"), "documented-lock-order," + BASE);
    assertTrue(message(r).contains("g.i_mutex") && message(r).contains("dio"), message(r));
    expect("verified", "gup-under-mmap-sem", params("2013-seqcount"), ALL + ",lock-order");
  }

  @Test
  void seqcountFault() {
    Result r = expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=NONE"), ALL);
    assertTrue(message(r).contains("f.page[0]") && message(r).contains("vma_g"), message(r));
    expect("violation pte-vma-consistency", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=VMA"), ALL);
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=VMA", "mm.replace=false"), ALL);
    expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=NONE", "mm.replace=false"), ALL);
    expect("verified", "seqcount-fault", params("2013-seqcount"), ALL);
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.replace=false"), ALL);
  }

  @Test
  void recursiveMmapRead() {
    Result r = expect("violation deadlock", "recursive-mmap-read", params("2.6.37", "mm.nestedRead=true"), BASE);
    assertTrue(message(r).contains("mmap_sem"), message(r));
    expect("verified", "recursive-mmap-read", params("2.6.37", "mm.nestedRead=false"), ALL);
  }
}
