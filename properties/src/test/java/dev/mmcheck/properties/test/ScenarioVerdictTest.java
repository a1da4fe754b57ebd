package dev.mmcheck.properties.test;

import static dev.mmcheck.properties.test.Runs.expect;
import static dev.mmcheck.properties.test.Runs.message;
import static dev.mmcheck.properties.test.Runs.params;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mmcheck.engine.Result;
import org.junit.jupiter.api.Test;

/**
 * One test per scenario: the buggy era gives a counterexample of the named property, the fixed
 * era verifies exhaustively. Verdicts come from exploration; each run prints executions and time.
 */
class ScenarioVerdictTest {
  static final String BASE = "deadlock,uncaught-exception,use-after-free";
  static final String INV = BASE + ",vma-list-invariants";

  @Test
  void faultVsMunmap() {
    Result r = expect("violation use-after-free", "fault-vs-munmap", params("1998"), BASE);
    assertTrue(message(r).contains("vma1"), message(r));
    expect("verified", "fault-vs-munmap", params("1998-fixed"), INV + ",vma-existence");
  }

  @Test
  void faultVsMprotect() {
    Result r = expect("violation vma-list-invariants", "fault-vs-mprotect", params("1998"), INV);
    assertTrue(message(r).contains("file offset skew"), message(r));
    expect("verified", "fault-vs-mprotect", params("1998-fixed"), INV);
  }

  @Test
  void kswapdVsMprotect() {
    Result r = expect("violation vma-list-invariants", "kswapd-vs-mprotect", params("1999-pre"), INV);
    assertTrue(message(r).contains("file offset skew"), message(r));
    expect("verified", "kswapd-vs-mprotect", params("1999-patch"), INV);
    expect("verified", "kswapd-vs-mprotect", params("1999-final"), INV);
  }

  @Test
  void kswapdVsMunmap() {
    expect("violation use-after-free", "kswapd-vs-munmap", params("1998"), BASE);
    // 2.3.20: the BKL kswapd holds already orders munmap's free after the scan; no UAF
    expect("verified", "kswapd-vs-munmap", params("1999-pre"), BASE);
    expect("verified", "kswapd-vs-munmap", params("1999-patch"), INV + ",vma-existence,vmlist-rules");
  }

  @Test
  void ptraceLookupBeforeLock() {
    expect("violation use-after-free", "ptrace-lookup-before-lock", params("1999-pre"), BASE);
    expect("verified", "ptrace-lookup-before-lock", params("1999-patch"), INV + ",vma-existence");
  }

  @Test
  void staleMmapCache() {
    Result r = expect("violation vma-existence", "stale-mmap-cache",
        params("1999-patch", "mm.munmapClearsCacheInsideLock=false"), INV + ",vma-existence");
    assertTrue(message(r).startsWith("stale VMA"), message(r));
    expect("verified", "stale-mmap-cache", params("1999-patch", "mm.munmapClearsCacheInsideLock=era"),
        INV + ",vma-existence");
  }

  @Test
  void rule4StealingUnderLock() {
    expect("violation deadlock", "rule4-stealing-under-lock", params("1999-patch"), BASE);
    expect("verified", "rule4-stealing-under-lock", params("1999-patch", "mm.allocUnderVmlistLock=false"),
        BASE + ",vmlist-rules");
  }

  @Test
  void rule5TwoStealers() {
    expect("violation deadlock", "rule5-two-stealers", params("1999-patch"), BASE);
    expect("verified", "rule5-two-stealers", params("1999-patch", "mm.nestVictims=false"), BASE + ",vmlist-rules");
  }

  @Test
  void swapoutDriverUaf() {
    expect("violation use-after-free", "swapout-driver-uaf", params("1999-patch"), BASE);
    expect("verified", "swapout-driver-uaf", params("1999-final"), BASE + ",vma-existence");
    expect("verified", "swapout-driver-uaf", params("1999-patch", "mm.driver=filemap"), BASE);
  }

  @Test
  void hemmentRecheck() {
    expect("violation pte-lost-update", "hemment-recheck", params("1998"), BASE + ",pte-lost-update");
    expect("verified", "hemment-recheck", params("1998-fixed"), BASE + ",pte-lost-update");
    expect("verified", "hemment-recheck", params("1998", "mm.faultRechecks=true"), BASE + ",pte-lost-update");
    expect("violation pte-lost-update", "hemment-recheck", params("1998", "mm.path=wp"), BASE + ",pte-lost-update");
    expect("verified", "hemment-recheck", params("1998-fixed", "mm.path=wp"), BASE + ",pte-lost-update");
  }

  /** Each 1999 fix is necessary: undoing just one knob brings the bug back. */
  @Test
  void eachFixIsNecessary() {
    expect("violation vma-list-invariants", "kswapd-vs-mprotect", params("1999-patch", "mm.vmlistLock=NONE"), INV);
    expect("violation use-after-free", "kswapd-vs-munmap", params("1999-pre", "mm.bklInterlock=false"), BASE);
    expect("violation use-after-free", "ptrace-lookup-before-lock",
        params("1999-patch", "mm.ptraceOrder=LOOKUP_THEN_LOCK"), BASE);
    expect("violation use-after-free", "swapout-driver-uaf", params("1999-final", "mm.swapoutGetsFields=false"), BASE);
  }
}
