package dev.mmcheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A worker's own carrier: its virtual threads run on its one platform thread, hand-offs
 * between them work, and closing it ends that thread. The build runs tests with
 * {@code --add-opens java.base/java.lang=ALL-UNNAMED}, as the launcher runs the CLI, so the own
 * carrier is the one tested; without the option the search falls back to the JVM's scheduler.
 */
class CarrierTest {
  @Test
  @Timeout(10)
  void virtualThreadsOfAnOwnCarrierRunOnItsPlatformThread() throws Exception {
    Carrier c = Carrier.own("carrier-under-test");
    assertTrue(c.isOwn(), "the build passes --add-opens java.base/java.lang=ALL-UNNAMED");
    List<String> seen = new ArrayList<>();
    Thread t = c.unstarted("v", () -> seen.add(Thread.currentThread().toString()));
    t.start();
    t.join();
    assertTrue(t.isVirtual());
    assertEquals(1, seen.size());
    assertTrue(seen.get(0).contains("carrier-under-test"), seen.get(0));
    c.close();
  }

  @Test
  @Timeout(10)
  void batonHandOffsBetweenThreadsOfOneCarrierComplete() throws Exception {
    try (Carrier c = Carrier.own("carrier-ping-pong")) {
      int rounds = 10_000;
      int[] count = new int[1];
      Baton[] b = new Baton[2];
      Runnable ping = () -> {
        for (int i = 0; i < rounds; i++) {
          count[0]++;
          b[0].passTo(b[1]);
        }
        Baton.give(b[1]);
      };
      Runnable pong = () -> {
        b[1].await();
        for (int i = 0; i < rounds; i++) {
          count[0]++;
          if (i < rounds - 1) {
            b[1].passTo(b[0]);
          } else {
            Baton.give(b[0]);
            b[1].await();
          }
        }
      };
      b[0] = new Baton(c.unstarted("ping", ping));
      b[1] = new Baton(c.unstarted("pong", pong));
      b[1].thread.start();
      b[0].thread.start();
      b[0].thread.join(TimeUnit.SECONDS.toMillis(5));
      b[1].thread.join(TimeUnit.SECONDS.toMillis(5));
      assertFalse(b[0].thread.isAlive());
      assertFalse(b[1].thread.isAlive());
      assertEquals(2 * rounds, count[0]);
    }
  }

  @Test
  @Timeout(10)
  void closingAnOwnCarrierEndsItsPlatformThread() throws Exception {
    Carrier c = Carrier.own("carrier-to-close");
    Thread v = c.unstarted("v", () -> { });
    v.start();
    v.join();
    c.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (carrierAlive("carrier-to-close") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertFalse(carrierAlive("carrier-to-close"));
  }

  /** A virtual thread woken after its carrier closed still runs to its end (on a late platform thread). */
  @Test
  @Timeout(10)
  void aThreadWokenAfterTheCarrierClosedStillFinishes() throws Exception {
    Carrier c = Carrier.own("carrier-closed-early");
    java.util.concurrent.CountDownLatch parked = new java.util.concurrent.CountDownLatch(1);
    boolean[] finished = new boolean[1];
    Thread v = c.unstarted("sleeper", () -> {
      parked.countDown();
      java.util.concurrent.locks.LockSupport.park();
      finished[0] = true;
    });
    v.start();
    parked.await();
    while (v.getState() != Thread.State.WAITING) {
      Thread.sleep(1);
    }
    c.close();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (carrierAlive("carrier-closed-early") && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertFalse(carrierAlive("carrier-closed-early"), "the loop left");
    java.util.concurrent.locks.LockSupport.unpark(v);
    v.join(5000);
    assertFalse(v.isAlive());
    assertTrue(finished[0]);
  }

  @Test
  void theJvmSchedulerIsUsedWhenAskedFor() {
    String key = "mmcheck.jvmCarriers";
    String before = System.getProperty(key);
    System.setProperty(key, "true");
    try {
      assertFalse(Carrier.own("unused").isOwn());
    } finally {
      if (before == null) {
        System.clearProperty(key);
      } else {
        System.setProperty(key, before);
      }
    }
  }

  private static boolean carrierAlive(String name) {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name) && t.isAlive());
  }
}
