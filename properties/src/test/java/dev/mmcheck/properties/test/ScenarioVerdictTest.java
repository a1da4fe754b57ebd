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
  void faultVsMprotectStaleProtection() {
    Result r = expect("violation vma-list-invariants", "fault-vs-mprotect", params("1998"), INV);
    assertTrue(message(r).contains("is writable but"), message(r));
    expect("verified", "fault-vs-mprotect", params("1998-fixed"), INV);
  }

  @Test
  void kswapdVsMprotectMerge() {
    expect("verified", "kswapd-vs-mprotect", params("1998-fixed"), INV);
    Result r = expect("violation use-after-free", "kswapd-vs-mprotect", params("1999-pre"), INV);
    assertTrue(message(r).contains("freed by mprotect"), message(r));
    expect("verified", "kswapd-vs-mprotect", params("1999-patch"), INV);
    expect("verified", "kswapd-vs-mprotect", params("1999-final"), INV);
  }

  /** The patch's "lock_kernel interlock" covers do_munmap, not merge_segments; mm18 closes it. */
  @Test
  void kswapdSwapoutVsMerge() {
    Result r = expect("violation use-after-free", "kswapd-vs-mprotect", params("1999-patch", "mm.dirty=true"), INV);
    assertTrue(message(r).contains("Filemap.swapout") || message(r).contains("vma1"), message(r));
    expect("verified", "kswapd-vs-mprotect", params("1999-final", "mm.dirty=true"), INV);
  }

  @Test
  void kswapdVsMunmap() {
    expect("verified", "kswapd-vs-munmap", params("1998-fixed"), BASE + ",vma-existence");
    expect("verified", "kswapd-vs-munmap", params("1999-pre"), BASE);
    expect("verified", "kswapd-vs-munmap", params("1999-patch"), INV + ",vma-existence,vmlist-rules");
  }

  /** Seed 002's mm_count pin: needed once the stealer can sleep for a vmlist semaphore. */
  @Test
  void kswapdVsExit() {
    expect("verified", "kswapd-vs-exit", params("1998-fixed"), BASE);
    expect("verified", "kswapd-vs-exit", params("1999-patch"), BASE);
    Result r = expect("violation use-after-free", "kswapd-vs-exit", params("1999-patch", "mm.kswapdPinsMm=false"), BASE);
    assertTrue(message(r).contains("kswapd") && message(r).contains("on mm"), message(r));
    expect("verified", "kswapd-vs-exit", params("1999-final", "mm.kswapdPinsMm=false"), BASE);
  }

  @Test
  void ptraceLookupBeforeLock() {
    expect("violation use-after-free", "ptrace-lookup-before-lock", params("1998"), BASE);
    expect("verified", "ptrace-lookup-before-lock", params("1998", "mm.present=true"), BASE);
    expect("verified", "ptrace-lookup-before-lock", params("1998-fixed"), BASE);
    expect("violation use-after-free", "ptrace-lookup-before-lock", params("1999-pre"), BASE);
    expect("verified", "ptrace-lookup-before-lock", params("1999-patch"), INV + ",vma-existence");
  }

  @Test
  void staleMmapCache() {
    Result r = expect("violation use-after-free", "stale-mmap-cache", params("1999-pre"), BASE);
    assertTrue(message(r).contains("kswapd") && message(r).contains("vma1"), message(r));
    expect("violation use-after-free", "stale-mmap-cache",
        params("1999-patch", "mm.munmapClearsCacheInsideLock=false"), BASE);
    expect("verified", "stale-mmap-cache", params("1999-patch"), BASE);
  }

  @Test
  void rule4StealingUnderLock() {
    Result r = expect("violation deadlock", "rule4-stealing-under-lock", params("1999-patch"), BASE);
    assertTrue(message(r).contains("mprotect"), message(r));
    expect("verified", "rule4-stealing-under-lock", params("1999-patch", "mm.allocUnderVmlistLock=false"),
        BASE + ",vmlist-rules");
    expect("violation sleep-in-atomic", "rule4-stealing-under-lock", params("1999-final"), BASE + ",sleep-in-atomic");
  }

  @Test
  void rule4KanojsTwoProcessDeadlock() {
    expect("violation deadlock", "rule4-stealing-under-lock", params("1999-patch", "mm.case=kanoj"), BASE);
    expect("verified", "rule4-stealing-under-lock",
        params("1999-patch", "mm.case=kanoj", "mm.swapoutUnderVmlistLock=false"), BASE);
  }

  @Test
  void rule5TwoStealers() {
    expect("verified", "rule5-two-stealers", params("1999-patch"), BASE);
    expect("violation deadlock", "rule5-two-stealers", params("1999-patch", "mm.stealersTakeBkl=false"), BASE);
    expect("verified", "rule5-two-stealers", params("1999-patch", "mm.nestVictims=false", "mm.stealersTakeBkl=false"),
        BASE + ",vmlist-rules");
  }

  @Test
  void rule5Fork() {
    expect("verified", "rule5-fork", params("2.4.20"), BASE);
    expect("violation vmlist-rules", "rule5-fork", params("2.4.20"), BASE + ",vmlist-rules");
  }

  @Test
  void swapoutDriverUaf() {
    expect("violation use-after-free", "swapout-driver-uaf", params("1999-patch"), BASE);
    expect("verified", "swapout-driver-uaf", params("1999-final"), BASE + ",vma-existence");
    expect("verified", "swapout-driver-uaf", params("1999-patch", "mm.driver=filemap"), BASE);
  }

  @Test
  void hemmentRecheck() {
    String p = BASE + ",pte-lost-update";
    expect("violation pte-lost-update", "hemment-recheck", params("1998"), p);
    expect("verified", "hemment-recheck", params("1998-fixed"), p);
    expect("verified", "hemment-recheck", params("1998", "mm.faultRechecks=true"), p);
    expect("violation pte-lost-update", "hemment-recheck", params("1998", "mm.path=wp"), p);
    expect("verified", "hemment-recheck", params("1998-fixed", "mm.path=wp"), p);
  }

  /** Seed 000's claim against every PTE writer: swapoff, and the history through 2.4. */
  @Test
  void hemmentRecheckOtherWriters() {
    String p = BASE + ",pte-lost-update";
    expect("violation pte-lost-update", "hemment-recheck", params("1998-fixed", "mm.writer=swapoff"), p);
    expect("verified", "hemment-recheck", params("1998-fixed", "mm.writer=swapoff", "mm.swapoffLock=MMAP_SEM"), p);
    expect("violation pte-lost-update", "hemment-recheck", params("2.4.0", "mm.writer=swapoff", "mm.faultRechecks=era"), p);
    expect("verified", "hemment-recheck", params("2.4.20", "mm.writer=swapoff", "mm.faultRechecks=era"), p);
    expect("violation pte-lost-update", "hemment-recheck", params("2.4.20", "mm.writer=fault"), p);
    expect("verified", "hemment-recheck", params("2.4.20", "mm.writer=fault", "mm.faultRechecks=era"), p);
  }

  /** Each 1999 fix is necessary: undoing just one knob brings the bug back. */
  @Test
  void eachFixIsNecessary() {
    expect("violation use-after-free", "kswapd-vs-mprotect", params("1999-patch", "mm.vmlistLock=NONE"), INV);
    expect("violation use-after-free", "kswapd-vs-munmap", params("1999-pre", "mm.bklInterlock=false"), BASE);
    expect("violation use-after-free", "ptrace-lookup-before-lock",
        params("1999-patch", "mm.ptraceOrder=LOOKUP_THEN_LOCK"), BASE);
    expect("violation use-after-free", "swapout-driver-uaf", params("1999-final", "mm.swapoutGetsFields=false"), BASE);
  }
}
