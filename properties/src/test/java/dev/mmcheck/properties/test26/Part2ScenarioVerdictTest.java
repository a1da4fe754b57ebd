package dev.mmcheck.properties.test26;

import dev.mmcheck.properties.test.Runs;

import static dev.mmcheck.properties.test.Runs.expect;
import static dev.mmcheck.properties.test.Runs.message;
import static dev.mmcheck.properties.test.Runs.params;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Result;
import java.util.Map;
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
    // 2.6.20: sys_madvise holds mmap_sem(w) into vmtruncate_range (i_mutex): two-thread ABBA
    Result r = expect("violation deadlock", "write-vs-madvise-remove", params("2.6.20"), BASE);
    assertTrue(message(r).contains("i_mutex") && message(r).contains("mmap_sem"), message(r));
    Result o = expect("violation documented-lock-order", "write-vs-madvise-remove", params("2.6.20"),
        "documented-lock-order," + BASE);
    assertTrue(message(o).contains("acquires f.i_mutex") && message(o).contains("holding mm.mmap_sem(w)"), message(o));
    // the holepunch fix as posted (write lock dropped), and 2.6.24 (read lock, dropped)
    expect("verified", "write-vs-madvise-remove", params("2.6.20", "mm.madviseRemoveDropsMmapSem=true"),
        ALL + ",lock-order");
    expect("verified", "write-vs-madvise-remove", params("2.6.24"), ALL + ",lock-order");
    // 2.6.24's read lock without the drop: the documented order is violated, but two threads cannot
    // deadlock (the fault's down_read shares the lock); a queued writer makes it a 3-thread deadlock
    Map<String, String> noDrop = params("2.6.24", "mm.madviseRemoveDropsMmapSem=false");
    expect("verified", "write-vs-madvise-remove", noDrop, BASE);
    Result n = expect("violation documented-lock-order", "write-vs-madvise-remove", noDrop,
        "documented-lock-order," + BASE);
    assertTrue(message(n).contains("holding mm.mmap_sem(r)"), message(n));
    Result q = expect("violation deadlock", "write-vs-madvise-remove",
        params("2.6.24", "mm.madviseRemoveDropsMmapSem=false", "mm.writer=true"), BASE);
    assertTrue(message(q).contains("munmap") && message(q).contains("f.i_mutex"), message(q));
    expect("verified", "write-vs-madvise-remove", params("2.6.24", "mm.writer=true"), ALL);
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
    // no validation: Hugh Dickins' replaced VMA gets the old file's page; after a plain munmap the page
    // is installed where nothing is mapped
    Result r = expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=NONE"), ALL);
    assertTrue(message(r).contains("f.page[0]") && message(r).contains("vma_g"), message(r));
    Result u = expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=NONE", "mm.change=munmap"), ALL);
    assertTrue(message(u).contains("no VMA maps address 0"), message(u));
    // the mm-wide count and SPF's per-VMA check catch all three changes
    for (String v : new String[] {"MM", "VMA"}) {
      for (String c : new String[] {"map-fixed", "munmap", "mprotect"}) {
        expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=" + v, "mm.change=" + c), ALL);
      }
    }
    // the detach check alone catches unmapping, not an in-place change
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=DETACH", "mm.change=map-fixed"), ALL);
    expect("verified", "seqcount-fault", params("2013-seqcount", "mm.seqValidate=DETACH", "mm.change=munmap"), ALL);
    Result d = expect("violation pte-vma-consistency", "seqcount-fault",
        params("2013-seqcount", "mm.seqValidate=DETACH", "mm.change=mprotect"), ALL);
    assertTrue(message(d).contains("vma_f is not writable"), message(d));
    // without SRCU-deferred freeing, munmap frees the VMA that ->fault (and the check) dereference
    for (String v : new String[] {"MM", "VMA", "NONE"}) {
      Result f = expect("violation use-after-free", "seqcount-fault",
          params("2013-seqcount", "mm.seqValidate=" + v, "mm.vmaFreeDeferred=false"), BASE);
      assertTrue(message(f).contains("fault did read(vma_f."), message(f));
    }
    // an in-place mprotect frees nothing: no deferral needed there
    expect("verified", "seqcount-fault",
        params("2013-seqcount", "mm.vmaFreeDeferred=false", "mm.change=mprotect"), BASE);
  }

  @Test
  void recursiveMmapRead() {
    Result r = expect("violation deadlock", "recursive-mmap-read", params("2.6.24", "mm.nestedRead=true"), BASE);
    assertTrue(message(r).contains("mmap_sem"), message(r));
    expect("verified", "recursive-mmap-read", params("2.6.24", "mm.nestedRead=false"), ALL);
  }
}
