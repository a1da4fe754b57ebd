package dev.mmcheck.cli.cluster;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import dev.mmcheck.cli.Catalogs;
import dev.mmcheck.cli.Runner;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One member of an mmcheck cluster: an embedded Hazelcast member (TCP-IP join to the given
 * members, multicast and auto-detection off, cluster name {@value #CLUSTER_NAME}, phone-home off,
 * Hazelcast's own logging off) with an executor {@value #EXECUTOR} of {@code threads} threads
 * that runs {@link SubtreeTask}s. Started by {@code mmcheck cluster-member}, and by tests (several
 * in one JVM, each with its own state: nothing is static).
 *
 * <p>Thread-safe: {@link #close} may be called from any thread (a shutdown hook).
 */
public final class ClusterMember implements AutoCloseable {
  /** The Hazelcast cluster name of every mmcheck member and submitter. */
  public static final String CLUSTER_NAME = "mmcheck";
  /** The executor that runs subtrees. */
  public static final String EXECUTOR = "mmcheck-subtrees";
  /** Member attribute: how many subtrees the member runs at once (the submitter hands it that many). */
  public static final String THREADS_ATTRIBUTE = "mmcheck.threads";
  /** The default port (Hazelcast's). */
  public static final int DEFAULT_PORT = 5701;

  /** Called when a member starts a task: {@code n} counts the member's tasks from 1. A test hook. */
  @FunctionalInterface
  public interface TaskHook {
    void taskStarting(int n, HazelcastInstance member);
  }

  /**
   * What a member's tasks share, kept in the Hazelcast instance's user context under
   * {@link #KEY}: the runner (catalogs loaded once) and the test hook. Thread-safe.
   */
  static final class Context {
    static final String KEY = "mmcheck.member";
    private final Runner runner;
    private final TaskHook hook;
    private final AtomicInteger tasks = new AtomicInteger();

    Context(Runner runner, TaskHook hook) {
      this.runner = runner;
      this.hook = hook;
    }

    Runner runner() {
      return runner;
    }

    void taskStarting(HazelcastInstance hz) {
      hook.taskStarting(tasks.incrementAndGet(), hz);
    }
  }

  private final HazelcastInstance hz;

  private ClusterMember(HazelcastInstance hz) {
    this.hz = hz;
  }

  /**
   * Starts a member.
   *
   * @param bind the address to bind to and announce (e.g. this machine's LAN address), or null
   *     for Hazelcast's choice (all interfaces, the first non-loopback one announced)
   * @param port the port; no auto-increment (a taken port is an error)
   * @param members other members' {@code host:port} (the cluster forms from whichever are up)
   * @param threads subtrees run at once
   * @param catalogs the scenarios, properties and listeners known to the member
   * @param hook called as each task starts (tests); null for none
   * @throws IllegalStateException if the member cannot start (e.g. the port is taken)
   */
  public static ClusterMember start(String bind, int port, List<String> members, int threads, Catalogs catalogs,
      TaskHook hook) {
    Config cfg = new Config();
    cfg.setClusterName(CLUSTER_NAME);
    cfg.setInstanceName("mmcheck-member-" + (bind == null ? "" : bind + "-") + port + "-" + System.nanoTime());
    cfg.setProperty("hazelcast.phone.home.enabled", "false");
    cfg.setProperty("hazelcast.logging.type", "none");
    cfg.setProperty("hazelcast.shutdownhook.policy", "GRACEFUL");
    // a member that leaves is noticed within seconds (the default is a minute)
    cfg.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
    NetworkConfig net = cfg.getNetworkConfig();
    net.setPort(port).setPortAutoIncrement(false);
    if (bind != null) {
      cfg.setProperty("hazelcast.socket.bind.any", "false");
      net.getInterfaces().setEnabled(true).addInterface(bind);
      net.setPublicAddress(bind + ":" + port);
    }
    JoinConfig join = net.getJoin();
    join.getMulticastConfig().setEnabled(false);
    join.getAutoDetectionConfig().setEnabled(false);
    join.getTcpIpConfig().setEnabled(true).setMembers(List.copyOf(members));
    cfg.getExecutorConfig(EXECUTOR).setPoolSize(threads).setStatisticsEnabled(false);
    cfg.getMemberAttributeConfig().setAttribute(THREADS_ATTRIBUTE, Integer.toString(threads));
    cfg.getUserContext().put(Context.KEY, new Context(new Runner(catalogs), hook == null ? (n, h) -> { } : hook));
    try {
      return new ClusterMember(Hazelcast.newHazelcastInstance(cfg));
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot start a cluster member on " + (bind == null ? "*" : bind) + ":" + port
          + ": " + rootMessage(e), e);
    }
  }

  /** The address the member announces, {@code host:port}. */
  public String address() {
    com.hazelcast.cluster.Address a = hz.getCluster().getLocalMember().getAddress();
    return a.getHost() + ":" + a.getPort();
  }

  /** The Hazelcast instance (tests: to see the cluster's size). */
  public HazelcastInstance instance() {
    return hz;
  }

  /** Whether the member still runs. */
  public boolean running() {
    return hz.getLifecycleService().isRunning();
  }

  /** Blocks until the member has shut down (a shutdown hook or {@link #close} from another thread). */
  public void awaitShutdown() throws InterruptedException {
    java.util.concurrent.CountDownLatch down = new java.util.concurrent.CountDownLatch(1);
    hz.getLifecycleService().addLifecycleListener(e -> {
      if (e.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.SHUTDOWN) {
        down.countDown();
      }
    });
    while (running() && !down.await(500, java.util.concurrent.TimeUnit.MILLISECONDS)) {
      // re-check: the member may have stopped before the listener was added
    }
  }

  /** Leaves the cluster and stops (tasks it was running fail on the submitter, which re-queues them). */
  @Override
  public void close() {
    if (running()) {
      hz.getLifecycleService().terminate();
    }
  }

  static String rootMessage(Throwable e) {
    Throwable t = Objects.requireNonNull(e);
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.toString() : t.getMessage();
  }
}
