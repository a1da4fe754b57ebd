package dev.mmcheck.engine.examples;

import dev.mmcheck.engine.Mutex;
import dev.mmcheck.engine.Scenario;
import dev.mmcheck.engine.World;
import java.util.Map;

/**
 * Dining philosophers with parameters, to show how a scenario reads config keys: {@code
 * philosophers.n} (2..5) philosophers each take their left then their right fork, which can
 * deadlock; with {@code philosophers.ordered = true} each takes the lower-numbered fork first,
 * which cannot.
 */
public final class Philosophers implements Scenario {
  /** Config key: number of philosophers. */
  public static final String N = "philosophers.n";
  /** Config key: whether forks are taken in a global order. */
  public static final String ORDERED = "philosophers.ordered";

  private final int n;
  private final boolean ordered;

  /** @param params {@link #N} and {@link #ORDERED}, defaults filled in by the caller */
  public Philosophers(Map<String, String> params) {
    this.n = Integer.parseInt(params.getOrDefault(N, "3"));
    this.ordered = Boolean.parseBoolean(params.getOrDefault(ORDERED, "false"));
  }

  @Override
  public void setup(World w) {
    Mutex[] forks = new Mutex[n];
    for (int i = 0; i < n; i++) {
      forks[i] = new Mutex("fork" + i, "fork");
    }
    for (int i = 0; i < n; i++) {
      Mutex left = forks[i];
      Mutex right = forks[(i + 1) % n];
      Mutex first = ordered && i == n - 1 ? right : left;
      Mutex second = first == left ? right : left;
      w.thread("phil" + i, () -> {
        first.lock();
        second.lock();
        second.unlock();
        first.unlock();
      });
    }
  }

  @Override
  public String name() {
    return "philosophers(n=" + n + (ordered ? ", ordered" : "") + ")";
  }
}
