package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Cell;
import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Sched;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.SpinLock;
import dev.mmcheck.engine.World;
import java.util.Map;

/**
 * A re-check after a sleep, in two eras (the shape of seed 000's swap_in re-check): two
 * faulting threads find a page missing, sleep to read it in, then, under {@code ptl} (a
 * spinlock, as the page-table lock), re-check that nobody installed it meanwhile and install it;
 * installing it twice is a lost update ({@code assertion}). With {@code recheck.locked = true}
 * each fault also holds {@code fault_lock} throughout (as the fault handler holds mmap_sem), so
 * the re-check is redundant, and so are {@code ptl} and {@code fault_lock} one at a time, since
 * each is covered by the others (both threads run the same code, so each lock is one site);
 * removing {@code fault_lock} with the re-check, or with {@code ptl}, is a violation. With
 * {@code false} (the default) the re-check and {@code ptl} are what make it correct: both
 * load-bearing. Verifies in both eras.
 */
public final class Recheck implements Scenario {
  /** Config key: whether faults are serialised by a lock. */
  public static final String LOCKED = "recheck.locked";

  private final boolean locked;

  /** @param params {@link #LOCKED} */
  public Recheck(Map<String, String> params) {
    this.locked = Boolean.parseBoolean(params.getOrDefault(LOCKED, "false"));
  }

  @Override
  public void setup(World w) {
    Mutex lock = new Mutex("fault_lock");
    SpinLock ptl = new SpinLock("ptl");
    Cell<Integer> page = new Cell<>("page", 0);
    Cell<Integer> installs = new Cell<>("installs", 0);
    for (String name : new String[] {"fault1", "fault2"}) {
      w.thread(name, () -> {
        if (locked) {
          lock.lock();
        }
        if (page.get() == 0) {
          Sched.yieldNow(); // the sleep of the read
          ptl.lock();
          if (!Sched.recheck("page installed while sleeping", () -> page.get() != 0)) {
            int n = installs.get();
            Sched.check(n == 0, "page installed twice: the first fault's page is lost");
            installs.set(n + 1);
            page.set(1);
          }
          ptl.unlock();
        }
        if (locked) {
          lock.unlock();
        }
      });
    }
  }

  @Override
  public String name() {
    return "recheck(" + (locked ? "locked" : "unlocked") + ")";
  }
}
